"""Word lists for finding names in minutes: titles, reporting verbs, and capitalised non-names."""

TITLES = (
    "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Cllr", "Councillor", "Professor", "Prof", "Sir",
    "Dame", "Lord", "Lady", "Revd", "Rev", "Reverend",
)

# Reported speech: "<name> explained that ...". Longer forms first so alternation prefers them.
VERBS = (
    "pointed out", "set out", "drew attention", "went on to", "put forward", "explained",
    "confirmed", "clarified", "said", "replied", "added", "asked", "referred", "indicated",
    "recognised", "recognized", "introduced", "thanked", "mentioned", "stated", "noted",
    "commented", "responded", "agreed", "welcomed", "highlighted", "reported", "advised",
    "informed", "outlined", "presented", "acknowledged", "assured", "emphasised", "emphasized",
    "suggested", "proposed", "seconded", "moved", "queried", "questioned", "expressed",
    "summarised", "summarized", "updated", "reminded", "reiterated", "observed", "stressed",
    "accepted", "declared", "requested", "raised", "described", "answered", "concluded",
    "continued", "undertook", "offered", "invited", "praised", "urged", "warned", "felt",
    "believed", "considered", "explained", "spoke", "gave", "provided", "remarked", "wished",
)

ADVERBS = ("also", "then", "further", "again", "briefly", "subsequently", "additionally",
           "however", "therefore", "kindly")

# Capitalised words that begin sentences or name bodies, places, posts and documents.
STOP_WORDS = frozenset("""
The A An This That These Those It He She They We I You His Her Their Our Its Your
In On At For From With By To Of And Or But If As When Where While Whilst After Before During
Following However Also Then Finally Further Furthermore Additionally Subsequently Moreover
Both All Each Some Several Many Most Other Another Any No Yes Everyone Nobody Somebody
Members Member Councillors Officers Officer Chair Vice-Chair Chairman Chairwoman Chairperson
Director Directors Head Manager Leader Deputy Assistant Executive Chief Corporate Cabinet
Portfolio Holder Mayor Minister Secretary Clerk Solicitor Monitoring Inspector Inspectorate
Government Council Councils Committee Sub-Committee Board Panel Forum Authority Authorities
Department Directorate Service Services Team Teams Group Partnership Trust Agency Office
Commission Association Network Unit Centre Center School Schools College University Academy
Hospital Police Fire Health Education Social Care Children Adult Adults Public Community
County District Borough City Town Parish Village Kingdom England Wales Scotland Ireland
Britain British National Regional Local Royal Street Road Lane Avenue House Hall Park
Company Limited Ltd Plc Report Plan Policy Strategy Programme Project Scheme Budget Fund
Minutes Item Agenda Appendix Section Paragraph Table Act Bill Order Court Tribunal Ombudsman
Inquiry Review Meeting Meetings Question Questions Motion Amendment Vote Resolution
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
June July August September October November December Christmas Easter
Labour Conservative Conservatives Liberal Democrat Democrats Green Greens Independent Reform
North South East West Northern Southern Eastern Western Central Greater New Old
Planning Housing Licensing Funding Building Training Highways Transport Finance Audit Scrutiny
Overview Safeguarding Learning Nursing Parking Commissioning Marketing Engineering Governance
Assurance Performance Compliance Guidance Insurance Finance Future Structure Procedure
Infrastructure Expenditure Evidence Experience Conference Audience Difference Licence
""".split())

# Endings of capitalised nouns that are not surnames ("Improvement", "Education").
NOT_NAME_SUFFIXES = ("tion", "sion", "ment", "ship", "ness", "ism", "ogy", "ics", "ity")
SURNAMES_WITH_NOUN_ENDINGS = frozenset({"Clement", "Garment", "Tremlett"})
