"""Sector and company figures of shared/reference/public-figures-2.md (and two rows of
public-figures.md), for gen_benchmark.py. Each carries the id of a segment (a sector or a
company, declared in SEGMENTS and written into data/benchmark/catalog.ron by hand) next to its
region, so a sector figure is never shown as the country's."""

from figures_batch2 import SEC

# (id, title, publisher, date, address, kind, note, label, title_fr)
SOURCES = [
    ("techdigest-ofcom-2022", "Broadband customer service hit and miss, says Ofcom",
     "Ofcom (Comparing customer service), via Tech Digest (PA) and Uswitch", "2022-05",
     "https://www.techdigest.tv/2022/05/broadband-customer-service-hit-and-miss-ofcom.html", "Article",
     "Secondary source.", "Ofcom via Tech Digest, 2022", None),
    ("standard-ofcom-2023", "[Ofcom customer-service report, PA copy in the Evening Standard, 18 May 2023]",
     "Ofcom (Comparing customer service), via the Evening Standard (PA)", "2023-05-18",
     "https://article-swipe.standard.co.uk/news/uk/ofcom-vodafone-virgin-media-sky-virgin-mobile-b1082054.html", "Article",
     "Secondary source; the bracketed title is descriptive.", "Ofcom via Evening Standard, 2023", None),
    ("which-ofcom-2021", "Telecoms regulator calls on providers to improve customer service",
     "Ofcom (Comparing customer service), via Which? (copy on NewsUpdated)", "2021",
     "https://newsupdated.in/telecoms-regulator-calls-on-providers-to-improve-customer-service-which-news", "Article",
     "Secondary source.", "Ofcom via Which?, 2021", None),
    ("telecoms-ofcom-2023", "Ofcom says UK telcos just keep customers hanging on",
     "Ofcom (Comparing customer service), via Telecoms.com and Mobile News", "2023",
     "https://www.telecoms.com/oss-bss-cx/ofcom-says-uk-telcos-just-keep-customers-hanging-on", "Article",
     "Secondary source.", "Ofcom via Telecoms.com, 2023", None),
    ("jdpower-ca-wireless-2016", "2016 Canadian Wireless Customer Care Study", "J.D. Power (press release)", "2016",
     "https://canada.jdpower.com/press-releases/2016-canadian-wireless-customer-care-study", "Survey", None,
     "J.D. Power Canada, 2016", None),
    ("itincanada-jdpower-2017", "User satisfaction with Canadian carriers on the rise: survey",
     "J.D. Power, via IT in Canada", "2017",
     "https://itincanadaonline.ca/index.php/user-satisfaction-with-canadian-carriers-on-the-rise-survey/", "Article",
     "Secondary source.", "J.D. Power via IT in Canada, 2017", None),
    ("diwarta-jdpower-2018", "J.D. Power says customer care causes Canadian carrier churn",
     "J.D. Power 2018 Canadian Wireless Customer Care Study, via Diwarta", "2018-04",
     "https://lifestyle.diwarta.com/2018/04/j-d-power-says-customer-care-causes-canadian-carrier-churn.html", "Article",
     "Secondary source.", "J.D. Power via Diwarta, 2018", None),
    ("jdpower-ca-banking-2013", "2013 Canadian Retail Banking Customer Satisfaction Study", "J.D. Power (press release)", "2013",
     "https://canada.jdpower.com/press-releases/2013-canadian-retail-banking-customer-satisfaction-study", "Survey", None,
     "J.D. Power Canada, 2013", None),
    ("newswire-jdpower-banking-2010",
     "J.D. Power and Associates reports customer satisfaction with retail banks in Canada increases as industry strengthens following global financial crisis",
     "J.D. Power (release on newswire.ca)", "2010-07-22",
     "https://newswire.ca/news-releases/jd-power-and-associates-reports-customer-satisfaction-with-retail-banks-incanada-increases-as-industry-strengthens-following-global-financial-crisis-544762142.html",
     "Survey", None, "J.D. Power Canada, 2010", None),
    ("cbc-jdpower-banking-2009", "Bank customers happy, survey suggests", "J.D. Power, via CBC", "2009",
     "http://amp.cbc.ca/news/bank-customers-happy-survey-suggests-1.860353", "Article", "Secondary source.",
     "J.D. Power via CBC, 2009", None),
    ("gaea-jdpower-uk-2011",
     "J.D. Power and Associates reports: after declining in 2010, satisfaction with retail banks in the United Kingdom increases in 2011",
     "J.D. Power (PR Newswire copy on GaeaTimes; 2010 figures, via Retail Banker International)", "2011",
     "https://pr.gaeatimes.com/jd-power-and-associates-reports-after-declining-in-2010-satisfaction-with-retail-banks-in-the-united-kingdom-increases-in-2011-53837/",
     "Survey", "Release copy; n ≈ 3,900.", "J.D. Power UK via GaeaTimes, 2011", None),
    ("epochtimes-cra-2024", "Canada Revenue Agency call centres will struggle with wait times this tax season",
     "CRA service-standard reports and ministerial briefing, via The Epoch Times (citing Blacklock's)", "2024",
     "https://theepochtimes.com/world/canada-revenue-agency-call-centres-will-struggle-with-wait-times-this-tax-season-5186571",
     "Article", "Secondary source.", "CRA via The Epoch Times, 2024", None),
    ("darpan-oag-2025", "CRA call centres offered too many taxpayers bad advice, auditor general says",
     "Office of the Auditor General of Canada, via Darpan (Canadian Press)", "2025",
     "https://www.darpanmagazine.com/news/national/cra-call-centres-offered-too-many-taxpayers-bad-advice-auditor-general-says",
     "Article", "Secondary source.", "OAG via Darpan, 2025", None),
    ("lesaffaires-som-2024", "L'expérience client au Québec serait bonne, mais…",
     "D. Lafrenière with SOM, study column in Les Affaires", "2024-06-19",
     "https://lesaffaires.com/dossiers/commerce-de-detail-comment-se-demarquer-2/lexperience-client-au-quebec-serait-bonne-mais",
     "Article", "Secondary source (a column reporting the study). Survey of Québec adults.", "SOM via Les Affaires, 2024",
     "L'expérience client au Québec serait bonne, mais…"),
    ("pixelbypixel-eptica-2015", "Retailers respond more on Twitter in comparison to emails",
     "Eptica, via Pixel by Pixel", "2015-12-02",
     "https://www.pixelbypixel.co.uk/2015/12/02/retailers-respond-more-on-twitter-in-comparison-to-emails", "Article",
     "Secondary source. 40 leading UK retailers.", "Eptica via Pixel by Pixel, 2015", None),
    ("sensduclient-podium-2012", "Podium de la relation client 2012 : les résultats",
     "BearingPoint & TNS Sofres, via Le Sens du client (blog)", "2012-06",
     "https://www.sensduclient.com/2012/06/podium-de-la-relation-client-2012-les.html", "Article",
     "Secondary source.", "BearingPoint & TNS Sofres via Le Sens du client, 2012", None),
]

# (region, channel, indicator, period, value, source, grade, note, segment)
FIGURES = []


def sf(segment, region, channel, indicator, period, value, source, note, grade="Measured"):
    FIGURES.append((region, channel, indicator, period, value, source, grade, note, segment))


def mmss(m, s=0):
    return m * 60 + s


# Ofcom, UK telecoms: average call waiting time (industry averages)
for per, v, src in [("2019", mmss(1, 18), "standard-ofcom-2023"), ("2020", mmss(2, 7), "standard-ofcom-2023"),
                    ("2021", mmss(2, 15), "techdigest-ofcom-2022"), ("2022", mmss(2, 23), "standard-ofcom-2023")]:
    sf("mobile_telecom", "uk", "phone", "call_wait_s", per, v, src, "Industry average of mobile providers. " + SEC)
for per, v, src, note in [("2020", mmss(4, 9), "which-ofcom-2021", "About twice 2019. "),
                          ("2021", mmss(2, 16), "standard-ofcom-2023", ""), ("2022", mmss(2, 37), "standard-ofcom-2023", "")]:
    sf("broadband_landline", "uk", "phone", "call_wait_s", per, v, src,
       "Industry average of broadband and landline providers. " + note + SEC)
for seg, phone, chat in [("mobile_telecom", 77, 17), ("broadband_landline", 90, 6)]:
    sf(seg, "uk", "phone", "contact_share_pct", "2022", phone, "telecoms-ofcom-2023", "Share of customer contacts. " + SEC)
    sf(seg, "uk", "chat", "contact_share_pct", "2022", chat, "telecoms-ofcom-2023", "Share of customer contacts (webchat). " + SEC)
for per, mob, bb, ll, src in [("2021", 91, 83, 77, "techdigest-ofcom-2022"), ("2022", 87, 82, 77, "telecoms-ofcom-2023")]:
    sf("mobile_telecom", "uk", None, "provider_sat_pct", per, mob, src, SEC)
    sf("broadband", "uk", None, "provider_sat_pct", per, bb, src, SEC)
    sf("landline", "uk", None, "provider_sat_pct", per, ll, src, SEC)

# J.D. Power: Canada wireless care and retail banking, UK retail banking (index /1000)
for per, v, src, note in [("2015", 715, "jdpower-ca-wireless-2016", "Previous-year value in the 2016 release."),
                          ("2016", 738, "jdpower-ca-wireless-2016", ""), ("2017", 746, "itincanada-jdpower-2017", SEC),
                          ("2018", 757, "diwarta-jdpower-2018", SEC)]:
    sf("mobile_telecom", "canada", None, "jdp_satisfaction_index", per, v, src,
       ("Wireless customer care, industry average. " + note).strip())
sf("mobile_telecom", "canada", "phone", "call_wait_s", "2018", 720, "diwarta-jdpower-2018",
   "Printed as 'about 12 minutes' on hold (a virtual call-back took nearly 60). " + SEC)
sf("mobile_telecom", "canada", "phone", "channel_use_pct", "2018", 62, "diwarta-jdpower-2018",
   "Wireless customers who used the phone to contact care. " + SEC)
sf("mobile_telecom", "canada", "web_self_service", "contact_share_pct", "2015", 28, "jdpower-ca-wireless-2016", "Care contacts made online.")
sf("mobile_telecom", "canada", "web_self_service", "contact_share_pct", "2016", 33, "jdpower-ca-wireless-2016", "Care contacts made online.")
for per, v, src, note in [("2009", 747, "cbc-jdpower-banking-2009", "Restated as 721 in the 2010 release; both releases kept. " + SEC),
                          ("2010", 730, "newswire-jdpower-banking-2010", "Retail banking, overall."),
                          ("2012", 753, "jdpower-ca-banking-2013", "Previous-year value in the 2013 release."),
                          ("2013", 772, "jdpower-ca-banking-2013", "Big Five 765, midsize banks 778.")]:
    sf("retail_banking", "canada", None, "jdp_satisfaction_index", per, v, src, note)
sf("retail_banking", "uk", None, "jdp_satisfaction_index", "2010", 683, "gaea-jdpower-uk-2011",
   "2010 value via Retail Banker International. " + SEC)
sf("retail_banking", "uk", None, "jdp_satisfaction_index", "2011", 698, "gaea-jdpower-uk-2011", "Retail banking, overall.")
sf("retail_banking", "uk", None, "problem_pct", "2010", 21, "gaea-jdpower-uk-2011", "Bank customers with a problem in the past year.")
sf("retail_banking", "uk", None, "problem_pct", "2011", 19, "gaea-jdpower-uk-2011", "Bank customers with a problem in the past year.")

# Canada Revenue Agency call centres
sf("cra", "canada", "phone", "calls_within_standard_pct", "2021", 33, "epochtimes-cra-2024",
   "Fiscal year 2020–21 (assigned to its closing year); standard: answered within 15 minutes, target 65 %. " + SEC)
sf("cra", "canada", "phone", "calls_within_standard_pct", "2022", 54, "epochtimes-cra-2024",
   "Answered within 15 minutes (target 65 %). " + SEC)
sf("cra", "canada", "phone", "calls_within_standard_pct", "2025", 18, "darpan-oag-2025", "OAG audit. " + SEC)
sf("cra", "canada", "phone", "call_wait_s", "2025", 31 * 60, "darpan-oag-2025", "Average wait of 31 minutes (OAG audit). " + SEC)

# Québec (SOM 2024): satisfaction with staff, financial institution and Québec government
for seg, att, att_v, comp, comp_v in [("retail_banking", 95, 55, 94, 50), ("government", 88, 39, 85, 41)]:
    sf(seg, "quebec", None, "staff_attitude_sat_pct", "2024", att, "lesaffaires-som-2024",
       f"Satisfied with staff attitude ({att_v} % very satisfied). " + SEC)
    sf(seg, "quebec", None, "staff_competence_sat_pct", "2024", comp, "lesaffaires-som-2024",
       f"Satisfied with staff competence ({comp_v} % very satisfied). " + SEC)

# Tunisia (INC): toll-free lines answered, by sector
sf("retail_banking", "tunisia", "phone", "phone_answered_pct", "2015-01", 44, "directinfo-inc-2015", "8 of 18 banks. " + SEC)
sf("retail_banking", "tunisia", "phone", "phone_answered_pct", "2018", 32, "wmc-inc-2018",
   "5 of 19 banks (21 % at the first try, 11 % at the second). " + SEC)
sf("insurance", "tunisia", "phone", "phone_answered_pct", "2018", 0, "wmc-inc-2018", "No insurer answered. " + SEC)
sf("consumer_goods", "tunisia", "phone", "phone_answered_pct", "2018", 33, "wmc-inc-2018", "14 of 42 consumer-goods firms. " + SEC)

# Morocco 2021: sectors whose customer service was contacted in the past 12 months
for seg, v in [("telecoms", 73), ("retail_banking", 69), ("restaurants", 56), ("household_appliances", 33),
               ("automotive", 31), ("real_estate", 27)]:
    sf(seg, "morocco", None, "contacted_cs_pct", "2021", v, "escda-maroc-2021",
       "Contacted this sector's customer service in the past 12 months. " + SEC)

# UK retail (Eptica, 40 leading retailers)
sf("retail", "uk", "email", "email_answered_pct", "2015", 55, "pixelbypixel-eptica-2015", SEC)
sf("retail", "uk", "email", "email_response_s", "2015", 43 * 3600 + 52 * 60, "pixelbypixel-eptica-2015", "43 h 52 min. " + SEC)
sf("retail", "uk", "twitter", "social_response_time_s", "2014", 13 * 3600 + 10 * 60, "pixelbypixel-eptica-2015", "13 h 10 min. " + SEC)
sf("retail", "uk", "twitter", "social_response_time_s", "2015", 4 * 3600 + 5 * 60, "pixelbypixel-eptica-2015", "4 h 05 min. " + SEC)
sf("retail", "uk", "twitter", "social_response_pct", "2015", 43, "pixelbypixel-eptica-2015", "Up 10 points on 2014. " + SEC)
sf("retail", "uk", "email", "email_relevant_pct", "2014", 63, "pixelbypixel-eptica-2015", "Accurate e-mail answers. " + SEC)
sf("retail", "uk", "email", "email_relevant_pct", "2015", 58, "pixelbypixel-eptica-2015", "Accurate e-mail answers. " + SEC)

# UKCSI first wave sectors; Podium 2012 sectors
sf("local_government", "uk", None, "csi_index", "2007-H1", 57, "tlf-ukcsi-2007", "Pilot UKCSI wave, May–June 2007.")
sf("utilities", "uk", None, "csi_index", "2007-H1", 58, "tlf-ukcsi-2007", "Pilot UKCSI wave, May–June 2007.")
for seg, v in [("insurance", 6.8), ("retail_banking", 6.5), ("government", 5.4)]:
    sf(seg, "france", None, "podium_score", "2012", v, "sensduclient-podium-2012",
       "Sector score (public services for government). " + SEC)

# Ofcom: average call waiting time by provider (mobile 2021, broadband 2020); each provider is a
# company segment of its own (the mobile and broadband arms of one group are kept apart)
PROVIDERS = [
    # segment id, English name, French name, sector, period, waiting time, source
    ("three", "Three", "Three", "mobile", "2021", mmss(0, 16), "techdigest-ofcom-2022"),
    ("bt_mobile", "BT Mobile", "BT Mobile", "mobile", "2021", mmss(0, 55), "techdigest-ofcom-2022"),
    ("id_mobile", "iD Mobile", "iD Mobile", "mobile", "2021", mmss(1, 39), "techdigest-ofcom-2022"),
    ("sky_mobile", "Sky Mobile", "Sky Mobile", "mobile", "2021", mmss(1, 50), "techdigest-ofcom-2022"),
    ("virgin_mobile", "Virgin Mobile", "Virgin Mobile", "mobile", "2021", mmss(1, 59), "techdigest-ofcom-2022"),
    ("tesco_mobile", "Tesco Mobile", "Tesco Mobile", "mobile", "2021", mmss(2, 15), "techdigest-ofcom-2022"),
    ("ee_mobile", "EE (mobile)", "EE (mobile)", "mobile", "2021", mmss(2, 25), "techdigest-ofcom-2022"),
    ("vodafone_mobile", "Vodafone (mobile)", "Vodafone (mobile)", "mobile", "2021", mmss(2, 30), "techdigest-ofcom-2022"),
    ("o2", "O2", "O2", "mobile", "2021", mmss(3, 59), "techdigest-ofcom-2022"),
    ("virgin_media", "Virgin Media", "Virgin Media", "broadband", "2020", mmss(7, 40), "which-ofcom-2021"),
    ("plusnet", "Plusnet", "Plusnet", "broadband", "2020", mmss(4, 52), "which-ofcom-2021"),
    ("bt_broadband", "BT (broadband)", "BT (internet fixe)", "broadband", "2020", mmss(3, 28), "which-ofcom-2021"),
    ("vodafone_broadband", "Vodafone (broadband)", "Vodafone (internet fixe)", "broadband", "2020", mmss(3, 25), "which-ofcom-2021"),
    ("sky_broadband", "Sky (broadband)", "Sky (internet fixe)", "broadband", "2020", mmss(3, 21), "which-ofcom-2021"),
    ("kcom", "KCOM", "KCOM", "broadband", "2020", mmss(3, 19), "which-ofcom-2021"),
    ("post_office_broadband", "Post Office (broadband)", "Post Office (internet fixe)", "broadband", "2020", mmss(1, 59), "which-ofcom-2021"),
    ("talktalk", "TalkTalk", "TalkTalk", "broadband", "2020", mmss(1, 46), "which-ofcom-2021"),
    ("ee_broadband", "EE (broadband)", "EE (internet fixe)", "broadband", "2020", mmss(1, 15), "which-ofcom-2021"),
]
for seg, _en, _fr, sector, per, v, src in PROVIDERS:
    avg = "2:15" if sector == "mobile" else "4:09"
    sf(seg, "uk", "phone", "call_wait_s", per, v, src,
       f"Ofcom's provider figure ({sector} providers' average {avg}). " + SEC)


def segment_records():
    """Catalogue lines of the provider segments, as written in data/benchmark/catalog.ron."""
    return [f'        Segment(id: "{seg}", name: (en: "{en}", fr: "{fr}"), kind: Company),'
            for seg, en, fr, *_ in PROVIDERS]
