"""Places: English regions by postcode area, UK universities, NHS bodies outside England and
the invented companies that employ industry members.

University and NHS body names and towns are public facts; the companies are invented.
"""

from __future__ import annotations

from matchmaker.demo.content import disciplines as d

# Postcode area (the leading letters) -> UK nation or English region. Where an area straddles
# a boundary, it goes to the region that holds most of its hospitals.
_AREAS_BY_REGION: dict[str, str] = {
    "North East": "NE SR DH TS DL",
    "North West": "M L WA WN BL OL SK PR BB FY LA CA CH CW",
    "Yorkshire and the Humber": "LS BD HD HX WF S DN HU YO HG",
    "East Midlands": "NG DE LE LN NN",
    "West Midlands": "B CV WV WS DY ST TF SY WR HR",
    "East of England": "CB CO IP NR PE CM SS SG AL LU WD EN",
    "London": "E EC N NW SE SW W WC BR CR HA IG RM SM UB TW",
    "South East": "BN RH TN ME CT GU PO SO RG OX SL MK HP DA KT",
    "South West": "BS BA EX PL TQ TR TA DT BH SP GL SN",
    "Scotland": "AB DD EH FK G IV KA KY ML PA PH",
    "Wales": "CF LL NP SA LD",
    "Northern Ireland": "BT",
}
REGION_BY_POSTCODE_AREA: dict[str, str] = {
    area: region for region, areas in _AREAS_BY_REGION.items() for area in areas.split()
}

# Postcode districts that sit on the other side of a boundary from the rest of their area.
REGION_BY_POSTCODE_DISTRICT: dict[str, str] = {
    "KT2": "London",  # Kingston upon Thames
    "MK42": "East of England",  # Bedford
    "S44": "East Midlands",  # Chesterfield
    "DE13": "West Midlands",  # Burton upon Trent
}

# Population in millions, rounded: how members spread over the regions.
REGION_WEIGHTS: dict[str, float] = {
    "North East": 2.7,
    "North West": 7.4,
    "Yorkshire and the Humber": 5.5,
    "East Midlands": 4.9,
    "West Midlands": 6.0,
    "East of England": 6.3,
    "London": 8.8,
    "South East": 9.3,
    "South West": 5.7,
    "Scotland": 5.5,
    "Wales": 3.1,
    "Northern Ireland": 1.9,
}

# NHS bodies outside the English trust list: (name, town, region).
DEVOLVED_NHS: tuple[tuple[str, str, str], ...] = (
    ("NHS Greater Glasgow and Clyde", "Glasgow", "Scotland"),
    ("NHS Lothian", "Edinburgh", "Scotland"),
    ("NHS Grampian", "Aberdeen", "Scotland"),
    ("NHS Tayside", "Dundee", "Scotland"),
    ("NHS Highland", "Inverness", "Scotland"),
    ("Cardiff and Vale University Health Board", "Cardiff", "Wales"),
    ("Swansea Bay University Health Board", "Swansea", "Wales"),
    ("Betsi Cadwaladr University Health Board", "Bangor", "Wales"),
    ("Belfast Health and Social Care Trust", "Belfast", "Northern Ireland"),
    ("South Eastern Health and Social Care Trust", "Dundonald", "Northern Ireland"),
    ("Western Health and Social Care Trust", "Londonderry", "Northern Ireland"),
)

# UK universities with medical physics, biomedical engineering or imaging research.
UNIVERSITIES: tuple[tuple[str, str, str], ...] = (
    ("University College London", "London", "London"),
    ("King's College London", "London", "London"),
    ("Imperial College London", "London", "London"),
    ("Queen Mary University of London", "London", "London"),
    ("City, University of London", "London", "London"),
    ("Brunel University London", "Uxbridge", "London"),
    ("University of Oxford", "Oxford", "South East"),
    ("University of Southampton", "Southampton", "South East"),
    ("University of Surrey", "Guildford", "South East"),
    ("University of Sussex", "Brighton", "South East"),
    ("University of Kent", "Canterbury", "South East"),
    ("University of Reading", "Reading", "South East"),
    ("University of Portsmouth", "Portsmouth", "South East"),
    ("University of Cambridge", "Cambridge", "East of England"),
    ("University of East Anglia", "Norwich", "East of England"),
    ("University of Essex", "Colchester", "East of England"),
    ("Cranfield University", "Cranfield", "East of England"),
    ("Anglia Ruskin University", "Chelmsford", "East of England"),
    ("University of Manchester", "Manchester", "North West"),
    ("University of Liverpool", "Liverpool", "North West"),
    ("Lancaster University", "Lancaster", "North West"),
    ("University of Salford", "Salford", "North West"),
    ("Manchester Metropolitan University", "Manchester", "North West"),
    ("Liverpool John Moores University", "Liverpool", "North West"),
    ("University of Leeds", "Leeds", "Yorkshire and the Humber"),
    ("University of Sheffield", "Sheffield", "Yorkshire and the Humber"),
    ("University of York", "York", "Yorkshire and the Humber"),
    ("University of Hull", "Hull", "Yorkshire and the Humber"),
    ("Sheffield Hallam University", "Sheffield", "Yorkshire and the Humber"),
    ("University of Huddersfield", "Huddersfield", "Yorkshire and the Humber"),
    ("University of Bradford", "Bradford", "Yorkshire and the Humber"),
    ("Newcastle University", "Newcastle upon Tyne", "North East"),
    ("Durham University", "Durham", "North East"),
    ("Northumbria University", "Newcastle upon Tyne", "North East"),
    ("Teesside University", "Middlesbrough", "North East"),
    ("University of Birmingham", "Birmingham", "West Midlands"),
    ("University of Warwick", "Coventry", "West Midlands"),
    ("Aston University", "Birmingham", "West Midlands"),
    ("Keele University", "Keele", "West Midlands"),
    ("Coventry University", "Coventry", "West Midlands"),
    ("University of Nottingham", "Nottingham", "East Midlands"),
    ("University of Leicester", "Leicester", "East Midlands"),
    ("Loughborough University", "Loughborough", "East Midlands"),
    ("De Montfort University", "Leicester", "East Midlands"),
    ("University of Lincoln", "Lincoln", "East Midlands"),
    ("University of Bristol", "Bristol", "South West"),
    ("University of Bath", "Bath", "South West"),
    ("University of Exeter", "Exeter", "South West"),
    ("University of Plymouth", "Plymouth", "South West"),
    ("Bournemouth University", "Poole", "South West"),
    ("University of Glasgow", "Glasgow", "Scotland"),
    ("University of Edinburgh", "Edinburgh", "Scotland"),
    ("University of Strathclyde", "Glasgow", "Scotland"),
    ("University of Aberdeen", "Aberdeen", "Scotland"),
    ("University of Dundee", "Dundee", "Scotland"),
    ("Heriot-Watt University", "Edinburgh", "Scotland"),
    ("Cardiff University", "Cardiff", "Wales"),
    ("Swansea University", "Swansea", "Wales"),
    ("Bangor University", "Bangor", "Wales"),
    ("Queen's University Belfast", "Belfast", "Northern Ireland"),
    ("Ulster University", "Belfast", "Northern Ireland"),
)

# Invented UK companies that employ members: (name, town, region, disciplines they hire).
COMPANIES: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("Calderbrook Imaging Ltd", "Leeds", "Yorkshire and the Humber", (d.DIAGNOSTIC, d.COMPUTING)),
    ("Pennant Dosimetry Systems Ltd", "Cardiff", "Wales", (d.RADIOTHERAPY, d.PROTECTION)),
    (
        "Tamar Valley Medical Engineering Ltd",
        "Plymouth",
        "South West",
        (d.CLINICAL_ENGINEERING, d.REHABILITATION),
    ),
    (
        "Northlight Radiotherapy Software Ltd",
        "Manchester",
        "North West",
        (d.RADIOTHERAPY, d.COMPUTING),
    ),
    (
        "Kestrel Gait Labs Ltd",
        "Sheffield",
        "Yorkshire and the Humber",
        (d.REHABILITATION, d.PHYSIOLOGICAL),
    ),
    ("Wyvern Ultrasound Ltd", "Worcester", "West Midlands", (d.ULTRASOUND,)),
    ("Fenland Device Services Ltd", "Peterborough", "East of England", (d.CLINICAL_ENGINEERING,)),
    ("Thistle Quantitative MR Ltd", "Edinburgh", "Scotland", (d.MRI, d.COMPUTING)),
    ("Lagan Seating Solutions Ltd", "Belfast", "Northern Ireland", (d.REHABILITATION,)),
    ("Brightwater Health Analytics Ltd", "London", "London", (d.COMPUTING, d.PHYSIOLOGICAL)),
    ("Solent Isotope Logistics Ltd", "Southampton", "South East", (d.NUCLEAR, d.PROTECTION)),
    (
        "Tynebridge Sensors Ltd",
        "Newcastle upon Tyne",
        "North East",
        (d.PHYSIOLOGICAL, d.ULTRASOUND),
    ),
    ("Charnwood Assistive Technology Ltd", "Loughborough", "East Midlands", (d.REHABILITATION,)),
    ("Greyfriars Clinical AI Ltd", "Oxford", "South East", (d.COMPUTING, d.DIAGNOSTIC, d.MRI)),
    ("Meridian Equipment Lifecycle Ltd", "Reading", "South East", (d.CLINICAL_ENGINEERING,)),
    ("Oakmere Physiological Monitoring Ltd", "Chester", "North West", (d.PHYSIOLOGICAL,)),
    (
        "Lowfield Sustainable Healthcare Consulting Ltd",
        "Bristol",
        "South West",
        (d.CLINICAL_ENGINEERING,),
    ),
    ("Granta Photonics Ltd", "Cambridge", "East of England", (d.ULTRASOUND, d.DIAGNOSTIC)),
    ("Severn Molecular Imaging Ltd", "Gloucester", "South West", (d.NUCLEAR, d.DIAGNOSTIC, d.MRI)),
)

# English trusts without a medical physics or clinical engineering service in the demo:
# mental health, community, ambulance and public health bodies.
NON_ACUTE_WORDS: tuple[str, ...] = (
    "Mental",
    "Ambulance",
    "Community",
    "Partnership",
    "Care Services",
    "Health And Care",
    "Social Care",
    "Combined Healthcare",
    "Public Health",
)
NON_ACUTE_ODS: frozenset[str] = frozenset(
    str.split(
        "R1C RNK RHA RXM RP1 RWX RDY RNU RW1 RW4 RW5 RT2 RV9 RV5 RWK RAT RTQ RT1 RMY RX3 RX4 "
        "RV3 RPG RXE RXX RRE RJX RTV RXV"
    )
)
