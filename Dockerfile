# The matchmaker service image; docker-compose.yml runs it beside neo4j:5.26-community.
FROM node:20-bookworm-slim AS frontend
WORKDIR /src/frontend
COPY frontend/ ./
# The build checks the GraphQL documents against the committed SDL beside frontend/.
COPY schema.graphql /src/schema.graphql
RUN if [ -f package.json ]; then npm ci && npm run build; else mkdir -p dist; fi

FROM python:3.11-slim-bookworm
ENV PYTHONUNBUFFERED=1 HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 \
    MATCHMAKER_FRONTEND_DIR=/app/frontend/dist
WORKDIR /app
COPY pyproject.toml README.md ./
COPY matchmaker/ matchmaker/
COPY graph_schema/ graph_schema/
COPY embeddings/ embeddings/
COPY data/ data/
# Editable, so the code finds data/ and frontend/ beside it in /app.
RUN pip install --no-cache-dir -e .
COPY --from=frontend /src/frontend/dist /app/frontend/dist
RUN useradd --create-home matchmaker
USER matchmaker
EXPOSE 8000
CMD ["matchmaker", "serve"]
