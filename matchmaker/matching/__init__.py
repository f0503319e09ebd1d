"""The pure matching core: arrays and frozen records in, results out.

No database driver, model, HTTP or GraphQL here; the service layer fetches candidates and
vectors, calls these functions and stores what they return.
"""

from matchmaker.matching.affinity import (
    Affinity,
    AffinityMatrix,
    AffinityParams,
    Contribution,
    EvidenceSet,
    affinities,
    background_of,
    evidence_set,
    evidence_set_of,
    person_affinity,
    unit_scores,
)
from matchmaker.matching.bm25 import Bm25Index, build_index, tokenise
from matchmaker.matching.constraints import Binding, Kind
from matchmaker.matching.explain import Gap, MemberSkills, SkillCoverage, SkillScore
from matchmaker.matching.feedback import (
    FeedbackAdjustment,
    FeedbackEvent,
    FeedbackParams,
    Outcome,
    apply_feedback,
)
from matchmaker.matching.ktp import KtpOptions, KtpRule, KtpSupervisor, KtpTriad, ktp_triads
from matchmaker.matching.objective import Breakdown
from matchmaker.matching.partners import (
    PartnerCandidate,
    PartnerContext,
    PartnerWeights,
    RankedPartner,
    rank_partners,
)
from matchmaker.matching.problem import Candidate, TeamProblem, TeamSpec, TeamWeights
from matchmaker.matching.screening import Reason, WhyNot
from matchmaker.matching.team import Infeasible, TeamSuggestion, suggest_team

__all__ = [
    "Affinity",
    "AffinityMatrix",
    "AffinityParams",
    "Binding",
    "Bm25Index",
    "Breakdown",
    "Candidate",
    "Contribution",
    "EvidenceSet",
    "FeedbackAdjustment",
    "FeedbackEvent",
    "FeedbackParams",
    "Gap",
    "Infeasible",
    "Kind",
    "KtpOptions",
    "KtpRule",
    "KtpSupervisor",
    "KtpTriad",
    "MemberSkills",
    "Outcome",
    "PartnerCandidate",
    "PartnerContext",
    "PartnerWeights",
    "RankedPartner",
    "Reason",
    "SkillCoverage",
    "SkillScore",
    "TeamProblem",
    "TeamSpec",
    "TeamSuggestion",
    "TeamWeights",
    "WhyNot",
    "affinities",
    "apply_feedback",
    "background_of",
    "build_index",
    "evidence_set",
    "evidence_set_of",
    "ktp_triads",
    "person_affinity",
    "rank_partners",
    "suggest_team",
    "tokenise",
    "unit_scores",
]
