#!/usr/bin/env python3
"""Writes data/benchmark/sources.ron and data/benchmark/observations.ron.

Cited figures come from shared/reference/public-figures.md (publisher, title, address kept in
each source record). Everything else is generated here from simple, documented region
profiles and is graded Illustrative with a note: such values exist only so that charts have
something to compare and must never be cited. Run from the repository root:
    python3 data/tools/gen_benchmark.py
"""
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "benchmark"


def q(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


SOURCES = [
    # id, title, publisher, author, date, address, kind, note
    ("ics-ukcsi-2011-07", "UKCSI Results July 2011", "Institute of Customer Service", None, "2011-07",
     "http://www.instituteofcustomerservice.com/167-7669/UK-Customer-Satisfaction-Index-Results-July-2011.html", "Report", None),
    ("bizworld-ukcsi-2013", "Drop in customer satisfaction signals threat to organisations in a growing economy",
     "Institute of Customer Service (release reprinted by BizWorld)", None, "2013",
     "https://www.bizworldonline.com/drop-in-customer-satisfaction-signals-threat-to-organisations-in-a-growing-economy/", "Article", "Secondary source."),
    ("tlf-ukcsi-2014-07", "UKCSI Results – July 2014", "TLF Research (UKCSI fieldwork agency)", None, "2014-07",
     "https://www.tlfresearch.com/ukcsi-latest-results/", "Report", None),
    ("tlf-ukcsi-2016-01", "UKCSI Results – January 2016", "TLF Research", None, "2016-01",
     "https://www.tlfresearch.com/the-ukcsi-is-at-its-highest-point-since/", "Report", None),
    ("tlf-ukcsi-2017-07", "July 2017 UKCSI", "TLF Research", None, "2017-07",
     "http://www.tlfresearch.co.uk/july-2017-ukcsi/", "Report", None),
    ("ics-ukcsi-2017-07", "UKCSI: The state of customer satisfaction in the UK – July 2017", "Institute of Customer Service", None, "2017-07",
     "https://www.instituteofcustomerservice.com/research-insight/research-library/ukcsi-the-state-of-customer-satisfaction-in-the-uk-july-2017", "Report", None),
    ("tlf-ukcsi-2018-07", "July 18 UKCSI", "TLF Research", None, "2018-07", "https://www.tlfresearch.com/july-18-ukcsi/", "Report", None),
    ("tlf-ukcsi-2019-07", "UKCSI – July 2019", "TLF Research", None, "2019-07",
     "https://www.tlfresearch.com/uk-customer-satisfaction-index-ukcsi-july/", "Report", None),
    ("ics-ukcsi-2021-01", "UKCSI – January 2021", "Institute of Customer Service", None, "2021-01",
     "https://instituteofcustomerservice.com/product/ukcsi-jan-2021", "Report", None),
    ("ics-ukcsi-2022-01", "UKCSI – January 2022", "Institute of Customer Service", None, "2022-01",
     "https://www.instituteofcustomerservice.com/product/ukcsi-the-state-of-customer-satisfaction-in-the-uk-january-2022/", "Report", None),
    ("ics-ukcsi-2022-07", "UKCSI – July 2022", "Institute of Customer Service", None, "2022-07",
     "https://www.instituteofcustomerservice.com/product/ukcsi-jul22/", "Report", None),
    ("ics-ukcsi-2023-01", "UKCSI – January 2023", "Institute of Customer Service", None, "2023-01",
     "https://instituteofcustomerservice.com/product/ukcsi-jan23", "Report", None),
    ("tlf-ukcsi-2023-07", "UKCSI July 2023", "TLF Research", None, "2023-07",
     "https://www.tlfresearch.com/news-opinion/ukcsi-july-2023/", "Report", None),
    ("independent-ukcsi-2024", "Customer satisfaction at lowest level since 2010", "Institute of Customer Service, via The Independent", None, "2024-07",
     "https://independent.co.uk/business/customer-satisfaction-at-lowest-level-since-2010-report-b2576314.html", "Article", "Secondary source."),
    ("ics-ukcsi-2025-01", "UKCSI – January 2025", "Institute of Customer Service", None, "2025-01",
     "https://instituteofcustomerservice.com/product/ukcsi-jan-25", "Report", None),
    ("sensduclient-podium-2011", "Podium de la relation client 2011", "BearingPoint & TNS Sofres, via Le Sens du client (blog)", None, "2011-06",
     "https://www.sensduclient.com/2011/06/podium-de-la-relation-client-2011-top.html", "Article", "Secondary source."),
    ("rcm-podium-2012", "Nespresso prend la tête du Podium de la Relation Client", "BearingPoint & TNS Sofres, via Relation Client Magazine", None, "2012",
     "https://relationclientmag.fr/Thematique/strategies-1255/Breves/nespresso-prend-tete-Podium-Relation-Client-193693/amp.htm", "Article", "Secondary source."),
    ("emarketing-podium-2008", "La relation client à l'heure de la participation", "TNS Sofres & BearingPoint, via e-marketing.fr", None, "2008",
     "https://www.e-marketing.fr/Marketing-Magazine/Article/La-relation-client-a-l-heure-de-la-participation-26540-1.htm", "Article", "Secondary source."),
    ("sensduclient-podium-2025", "Les enseignements du Podium de la Relation Client 2025", "BearingPoint & Kantar, via Le Sens du client (blog)", None, "2025-03",
     "https://www.sensduclient.com/2025/03/les-enseignements-du-podium-de-la-relation-client-2025-kantar-bearingpoint.html", "Article", "Secondary source."),
    ("bain-banks-2013", "Les banques françaises sont mal notées par leurs clients dans la dernière étude mondiale de Bain & Company", "Bain & Company (press release)", None, "2013-03-21",
     "https://www.bain.com/fr/a-propos-de-bain/media-center/communiques-de-presse/france/2013/les-banques-francaises-sont-mal-notees-par-leurs-clients-dans-la-derniere-etude-mondiale-de-bain-and-company-portant-sur-150000-clients-dans-14-pays/",
     "Survey", "Retail-banking loyalty study, 14 countries, about 150,000 customers; 2012 survey."),
    ("cbanque-bain-2013", "Trois Français sur quatre ne recommanderaient pas leur banque à leurs proches", "Bain & Company, via CBanque", None, "2013",
     "https://www.cbanque.com/banque/actualites/43962/trois-francais-sur-quatre-ne-recommanderaient-pas-leur-banque-a-leurs-proches", "Article", "Secondary source."),
    ("latribune-bain-2017", "Un Français sur 4 prêt à changer de banque dans l'année", "Bain & Company, via La Tribune", None, "2017",
     "https://www.latribune.fr/entreprises-finance/banques-finance/un-francais-sur-4-pret-a-changer-de-banque-dans-l-annee-767955.html", "Article", "Secondary source."),
    ("bva-observatoire-2016", "Observatoire des Services Clients 2016", "BVA, via E-commerce Mag and Easiware", None, "2016",
     "http://www.ecommercemag.fr/Thematique/indicateurs-1010/Breves/Services-clients-Fran-ais-favorables-plages-etendues-mais-fideles-telephone-309708.htm", "Survey", "Secondary source (also quoted on easiware.com)."),
    ("bva-observatoire-2012", "Observatoire des Services Clients 2012 (étude miroir)", "BVA / Viséo, via docslide", None, "2012-09",
     "http://docslide.fr/documents/-etude-miroir-election-du-service-client-de-lannee-seul-un-tiers-des-consommateurs-francais-estime-que-la-qualite-des-services-clients-a-progresse-en-2012.html", "Survey", "Secondary source."),
    ("bva-observatoire-2020", "L'évolution de la relation client : les tendances 2020 dans les services clients", "BVA Observatoire des Services Clients (deck copy on SlideShare)", None, "2020",
     "https://fr.slideshare.net/FrdricCANEVET/lvolution-de-la-relation-client-les-tendances-2020-dans-les-services-clients", "Survey", None),
    ("bva-observatoire-2015-16", "Le service client : le téléphone remporte la palme du canal le plus utilisé", "BVA Observatoire des Services Clients, via MagJournal77", None, "2016",
     "https://magjournal77.fr/le-coin-mag/item/40822-53le-service-client-le-telephone-remporte-la-palme-du-canal-le-plus-utilise", "Survey", "Secondary source."),
    ("bva-observatoire-2017", "Observatoire des services clients 2017 (deck copy)", "BVA", None, "2017",
     "https://pdfslide.fr/documents/pour-lalection-du-service-client-de-laanne-observatoire-des-services.html", "Survey", None),
    ("escda-maroc-2016", "Observatoire du service client 2016", "Élu Service Client de l'Année Maroc & Kantar TNS, via La Quotidienne and H24info", None, "2016",
     "https://laquotidienne.ma/article/economie/service-client-les-marocains-denoncent-le-sir-hta-tji", "Survey",
     "Secondary source. Phone survey of 1,000 people aged 15+, 25 Jul–18 Aug 2016. Phone 17 % and website 10 % seen only in a forum repost of H24info."),
    ("escda-maroc-2021", "Observatoire des services clients 2021 (canaux de contact)", "Élu Service Client de l'Année Maroc & Inspire Research, via LeSiteInfo", None, "2021",
     "https://www.lesiteinfo.com/economie/canaux-de-contact-les-marocains-utilisent-whatsapp-mais-pas-seulement/", "Survey",
     "Secondary source. Online survey, Nov–Dec 2021, n=1,000. Channels used, not preferred."),
    ("leger-eodom-2018", "Les Québécois préfèrent encore le téléphone au web", "Léger for Eodom, via La Presse+", None, "2018",
     "https://plus.lapresse.ca/screens/3683b8c4-70ef-41bc-a687-a0e0cb721bc1__7C___0.html", "Survey", "Secondary source."),
    ("amex-canada-2012", "Raising the service stakes: one in five Canadians have used social media to get a customer service response", "American Express Canada – Global Customer Service Barometer (press release)", None, "2012-09-25",
     "https://americanexpress.mediaroom.com/2012-09-25-Raising-the-service-stakes-one-in-five-Canadians-have-used-social-media-to-get-a-customer-service-response-and-expect-more-for-their-loyalty", "Survey", None),
    ("marketingmag-amex-2014", "Canadians willing to spend more for excellent customer service: survey", "American Express Global Customer Service Barometer 2014 (Ebiquity, n=1,001), via Marketing magazine", None, "2014",
     "http://marketingmag.ca/consumer/canadians-willing-to-spend-more-for-excellent-customer-service-survey-130134", "Survey", "Secondary source."),
    ("fishburn-social-2012", "The Social Media Customer", "Fishburn Hedges & Echo Research, via MarketingCharts, WARC and Econsultancy", None, "2012",
     "https://www.warc.com/NewsAndOpinion/news/Customer%20service%20gets%20social%20in%20UK/29854", "Survey", "Secondary source. n=2,000 UK adults."),
    ("seratoo-socialbakers-2015", "Quid du service client sur les réseaux sociaux ?", "Socialbakers Q1 2015 study, via Seratoo blog", None, "2015",
     "https://www.seratoo.com/MarketingWeb2.0/quid-du-service-client-sur-les-reseaux-sociaux/", "Article", "Secondary source."),
    ("lmi-opentodialog-2015", "La relation clients souffre toujours du manque de réactivité des entreprises", "Open-to-dialog barometer, via Le Monde Informatique", None, "2016",
     "http://www.lemondeinformatique.fr/actualites/lire-la-relation-clients-souffre-toujours-du-manque-de-reactivite-des-entreprises-64203.html", "Article", "Secondary source."),
    ("itforbusiness-sprinklr-2016", "Le retail français peu réactif sur les réseaux sociaux", "Sprinklr, via IT for Business", None, "2016",
     "https://www.itforbusiness.fr/le-retail-francais-peu-reactif-sur-les-reseaux-sociaux-12898", "Article", "Secondary source."),
    ("contactbabel-uk-2016", "UK Contact Centre Decision-Makers' Guide 2016 (14th edition), Executive Summary", "ContactBabel", None, "2016",
     "https://vdocuments.us/edition-executive-summary-metric-mean-average-median-average-average-speed.html", "Report", "Survey summer 2016, n=216 contact centres."),
    ("cch-contactbabel-2015", "Average speed to answer jumps by 27%", "ContactBabel UK Contact Centre HR & Operational Benchmarking Report 2014/15, via Call Centre Helper", None, "2015",
     "https://callcentrehelper.com/average-speed-to-answer-jumps-by-27-69858.htm", "Article", "Secondary source."),
    ("ccma-contactbabel-2023", "2023 UK Contact Centre Decision-Makers' Guide", "ContactBabel, via CCMA", None, "2023",
     "https://www.ccma.org.uk/insight/2023-uk-contact-centre-decision-makers-guide/", "Article", "Secondary source."),
    ("cch-contactbabel-2024", "2024 ContactBabel report", "ContactBabel UK Contact Centre Decision-Makers' Guide 2024, via Call Centre Helper", None, "2024",
     "https://www.callcentrehelper.com/2024-contactbabel-report-232966.htm", "Article", "Secondary source."),
    ("medianet-facebook-2016", "Les réseaux sociaux en Tunisie : enjeux et défis", "Medianet (digitalnews 2017 n°6), table reproduced in a Jawhara FM op-ed", None, "2017",
     "https://www.jawharafm.net/fr/article/les-reseaux-sociaux-en-tunisie-enjeux-et-defis/108/50054", "Article",
     "Secondary source. Medianet's press-reported release gives Tunisia 6.1 M / 55.27 % and Algeria 17 M."),
    ("servicescope-illustrative", "Illustrative values for demonstration", "servicescope project", None, "2026-11", None, "OwnData",
     "Invented values that give charts a plausible order of magnitude where no public figure was found. Not for citation; every such value is graded Illustrative."),
]


# Short label (publisher, year) used in chart footers, and the publisher's French title where
# there is one; secondary sources keep naming the page that quotes them.
LABELS = {
    "ics-ukcsi-2011-07": ("ICS UKCSI, 2011", None),
    "bizworld-ukcsi-2013": ("ICS via BizWorld, 2013", None),
    "tlf-ukcsi-2014-07": ("TLF Research, 2014", None),
    "tlf-ukcsi-2016-01": ("TLF Research, 2016", None),
    "tlf-ukcsi-2017-07": ("TLF Research, 2017", None),
    "ics-ukcsi-2017-07": ("ICS UKCSI, 2017", None),
    "tlf-ukcsi-2018-07": ("TLF Research, 2018", None),
    "tlf-ukcsi-2019-07": ("TLF Research, 2019", None),
    "ics-ukcsi-2021-01": ("ICS UKCSI, 2021", None),
    "ics-ukcsi-2022-01": ("ICS UKCSI, 2022", None),
    "ics-ukcsi-2022-07": ("ICS UKCSI, 2022", None),
    "ics-ukcsi-2023-01": ("ICS UKCSI, 2023", None),
    "tlf-ukcsi-2023-07": ("TLF Research, 2023", None),
    "independent-ukcsi-2024": ("ICS via The Independent, 2024", None),
    "ics-ukcsi-2025-01": ("ICS UKCSI, 2025", None),
    "sensduclient-podium-2011": ("BearingPoint & TNS Sofres via Le Sens du client, 2011", "Podium de la relation client 2011"),
    "rcm-podium-2012": ("BearingPoint & TNS Sofres via Relation Client Magazine, 2012", "Nespresso prend la tête du Podium de la Relation Client"),
    "emarketing-podium-2008": ("TNS Sofres & BearingPoint via e-marketing.fr, 2008", "La relation client à l'heure de la participation"),
    "sensduclient-podium-2025": ("BearingPoint & Kantar via Le Sens du client, 2025", "Les enseignements du Podium de la Relation Client 2025"),
    "bain-banks-2013": ("Bain & Company, 2013", "Les banques françaises sont mal notées par leurs clients dans la dernière étude mondiale de Bain & Company"),
    "cbanque-bain-2013": ("Bain via CBanque, 2013", "Trois Français sur quatre ne recommanderaient pas leur banque à leurs proches"),
    "latribune-bain-2017": ("Bain via La Tribune, 2017", "Un Français sur 4 prêt à changer de banque dans l'année"),
    "bva-observatoire-2016": ("BVA via E-commerce Mag, 2016", "Observatoire des Services Clients 2016"),
    "bva-observatoire-2012": ("BVA / Viséo via docslide, 2012", "Observatoire des Services Clients 2012 (étude miroir)"),
    "bva-observatoire-2020": ("BVA, 2020", "L'évolution de la relation client : les tendances 2020 dans les services clients"),
    "bva-observatoire-2015-16": ("BVA via MagJournal77, 2016", "Le service client : le téléphone remporte la palme du canal le plus utilisé"),
    "bva-observatoire-2017": ("BVA, 2017", "Observatoire des services clients 2017"),
    "escda-maroc-2016": ("ESCDA Maroc & Kantar TNS via La Quotidienne, 2016", "Observatoire du service client 2016"),
    "escda-maroc-2021": ("ESCDA Maroc & Inspire Research via LeSiteInfo, 2021", "Observatoire des services clients 2021 (canaux de contact)"),
    "leger-eodom-2018": ("Léger for Eodom via La Presse+, 2018", "Les Québécois préfèrent encore le téléphone au web"),
    "amex-canada-2012": ("American Express Canada, 2012", None),
    "marketingmag-amex-2014": ("American Express via Marketing, 2014", None),
    "fishburn-social-2012": ("Fishburn Hedges via WARC, 2012", None),
    "seratoo-socialbakers-2015": ("Socialbakers via Seratoo, 2015", "Quid du service client sur les réseaux sociaux ?"),
    "lmi-opentodialog-2015": ("Open-to-dialog via Le Monde Informatique, 2016", "La relation clients souffre toujours du manque de réactivité des entreprises"),
    "itforbusiness-sprinklr-2016": ("Sprinklr via IT for Business, 2016", "Le retail français peu réactif sur les réseaux sociaux"),
    "contactbabel-uk-2016": ("ContactBabel, 2016", None),
    "cch-contactbabel-2015": ("ContactBabel via Call Centre Helper, 2015", None),
    "ccma-contactbabel-2023": ("ContactBabel via CCMA, 2023", None),
    "cch-contactbabel-2024": ("ContactBabel via Call Centre Helper, 2024", None),
    "medianet-facebook-2016": ("Medianet via Jawhara FM, 2017", "Les réseaux sociaux en Tunisie : enjeux et défis"),
    "servicescope-illustrative": ("servicescope project, illustrative values (not for citation)", "Valeurs illustratives pour la démonstration"),
}

MEASURED = []  # (region, channel, indicator, period, value, source, grade, note)


def m(region, channel, indicator, period, value, source, grade="Measured", note=None):
    MEASURED.append((region, channel, indicator, period, value, source, grade, note))


# UKCSI (index /100): January = H1, July = H2
for period, v, src, grade, note in [
    ("2011-H1", 76.7, "ics-ukcsi-2011-07", "Measured", "UKCSI, January 2011."),
    ("2011-H2", 77.3, "ics-ukcsi-2011-07", "Measured", "UKCSI, July 2011."),
    ("2013-H1", 78.2, "bizworld-ukcsi-2013", "Measured", "UKCSI, January 2013; secondary source."),
    ("2014-H1", 77.1, "tlf-ukcsi-2014-07", "Measured", "UKCSI, January 2014."),
    ("2014-H2", 76.3, "tlf-ukcsi-2014-07", "Measured", "UKCSI, July 2014."),
    ("2015-H1", 76.0, "tlf-ukcsi-2016-01", "Measured", "UKCSI, January 2015."),
    ("2015-H2", 76.2, "tlf-ukcsi-2016-01", "Measured", "UKCSI, July 2015."),
    ("2016-H1", 77.0, "tlf-ukcsi-2016-01", "Measured", "UKCSI, January 2016."),
    ("2016-H2", 77.4, "tlf-ukcsi-2017-07", "Estimated", "Derived: July 2017 = 78.2 was +0.8 on a year earlier."),
    ("2017-H1", 77.8, "tlf-ukcsi-2017-07", "Estimated", "Derived: July 2017 = 78.2 was +0.4 on January 2017."),
    ("2017-H2", 78.2, "ics-ukcsi-2017-07", "Measured", "UKCSI, July 2017."),
    ("2018-H2", 77.9, "tlf-ukcsi-2018-07", "Measured", "UKCSI, July 2018."),
    ("2019-H2", 77.1, "tlf-ukcsi-2019-07", "Measured", "UKCSI, July 2019."),
    ("2020-H1", 76.9, "ics-ukcsi-2021-01", "Estimated", "Derived: January 2021 = 76.8 was −0.1 on January 2020."),
    ("2021-H1", 76.8, "ics-ukcsi-2021-01", "Measured", "UKCSI, January 2021."),
    ("2022-H1", 78.4, "ics-ukcsi-2022-01", "Measured", "UKCSI, January 2022."),
    ("2022-H2", 78.4, "ics-ukcsi-2022-07", "Measured", "UKCSI, July 2022."),
    ("2023-H1", 77.7, "ics-ukcsi-2023-01", "Measured", "UKCSI, January 2023."),
    ("2023-H2", 76.6, "tlf-ukcsi-2023-07", "Measured", "UKCSI, July 2023."),
    ("2024-H1", 76.0, "ics-ukcsi-2025-01", "Measured", "UKCSI, January 2024 (year-ago value in the January 2025 release)."),
    ("2024-H2", 75.8, "independent-ukcsi-2024", "Measured", "UKCSI, July 2024; secondary source."),
    ("2025-H1", 76.1, "ics-ukcsi-2025-01", "Measured", "UKCSI, January 2025."),
]:
    m("uk", None, "csi_index", period, v, src, grade, note)

# Podium de la Relation Client (score /10), France
m("france", None, "podium_score", "2007", 6.46, "emarketing-podium-2008", note="Secondary source.")
m("france", None, "podium_score", "2008", 6.23, "emarketing-podium-2008", note="Secondary source.")
m("france", None, "podium_score", "2011", 6.3, "sensduclient-podium-2011", note="Average of all sectors; secondary source.")
m("france", None, "podium_score", "2012", 6.2, "rcm-podium-2012", note="Average of all sectors; secondary source.")
m("france", None, "podium_score", "2025", 6.7, "sensduclient-podium-2025", note="Average of 15 criteria; secondary source.")

# NPS, retail banking
m("france", None, "nps", "2012", -13, "bain-banks-2013", note="Country average, 11th of 14 countries.")
m("uk", None, "nps", "2012", -7, "bain-banks-2013", note="Country average.")
m("france", None, "nps", "2013", -9, "cbanque-bain-2013", "Estimated", "Derived from 24 % promoters and 33 % detractors (2013 data); secondary source.")
m("france", None, "nps", "2016", -3, "latribune-bain-2017", note="Country average; secondary source.")
m("france", None, "nps", "2017", -3, "latribune-bain-2017", note="Country average; secondary source.")

# Channels used (France 2016, Québec 2018, Morocco 2021)
for ch, v in [("phone", 61), ("email", 55), ("web_self_service", 44), ("in_person", 19), ("chat", 17), ("mobile_app", 8), ("social_media", 6), ("messaging", 5)]:
    m("france", ch, "channel_use_pct", "2016", v, "bva-observatoire-2016", note="French adults 18+; secondary source.")
for ch, v in [("phone", 71), ("email", 47), ("web_self_service", 43), ("in_person", 33), ("chat", 28), ("social_media", 15), ("mobile_app", 13), ("post", 8)]:
    m("quebec", ch, "channel_use_pct", "2018", v, "leger-eodom-2018", note="Secondary source.")
for ch, v, note in [("phone", None, "Phone is the most used channel; the source gives no percentage."),
                    ("in_person", 56, None), ("whatsapp", 41, None), ("email", 39, "Email or web form."),
                    ("web_self_service", 38, "Website."), ("facebook", 23, None)]:
    m("morocco", ch, "channel_use_pct", "2021", v, "escda-maroc-2021", note=note or "Secondary source.")
# Preferred channel, Morocco 2016 (one answer: a mix)
for ch, v in [("in_person", 55), ("phone", 17), ("web_self_service", 10), ("email", 8)]:
    m("morocco", ch, "channel_pref_pct", "2016", v, "escda-maroc-2016", note="n=1,000, aged 15+; secondary source.")
# Contacted a customer service
m("france", None, "contacted_cs_pct", "2012", 46, "bva-observatoire-2012", note="Secondary source.")
m("france", None, "contacted_cs_pct", "2016", 79, "bva-observatoire-2016", note="Secondary source.")
m("france", None, "contacted_cs_pct", "2020", 78, "bva-observatoire-2020", note="3.7 channels used on average.")
m("morocco", None, "contacted_cs_pct", "2016", 62, "escda-maroc-2016", note="Secondary source.")
# Social media with customer service
m("france", None, "social_contact_pct", "2015", 9, "bva-observatoire-2015-16", note="Used social networks to contact a customer service; secondary source.")
m("france", None, "social_contact_pct", "2016", 6, "bva-observatoire-2015-16", note="Used social networks to contact a customer service; secondary source.")
m("france", None, "social_contact_pct", "2017", 10, "bva-observatoire-2017", note="Used social networks to contact a customer service.")
m("uk", None, "social_contact_pct", "2011-08", 19, "fishburn-social-2012", note="Interacted with companies via social media: broader than service use. Secondary source.")
m("uk", None, "social_contact_pct", "2012-04", 36, "fishburn-social-2012", note="Interacted with companies via social media: broader than service use. Secondary source.")
m("canada", None, "social_contact_pct", "2012", 18, "amex-canada-2012", note="Used social media to get a customer-service response in the past year (Canada, not Québec alone).")
m("canada", None, "social_contact_pct", "2014", 21, "marketingmag-amex-2014", note="Same question, 2014; secondary source (Canada, not Québec alone).")
# Social response rate (Socialbakers Q1 2015)
m("france", "twitter", "social_response_pct", "2015-Q1", 35, "seratoo-socialbakers-2015", note="22nd of 37 countries; secondary source.")
m("france", "facebook", "social_response_pct", "2015-Q1", 71, "seratoo-socialbakers-2015", note="19th of 24 countries; secondary source.")
m("world", "twitter", "social_response_pct", "2015-Q1", 30, "seratoo-socialbakers-2015", note="World average; secondary source.")
m("world", "facebook", "social_response_pct", "2015-Q1", 74, "seratoo-socialbakers-2015", note="World average; secondary source.")
m("usa", "twitter", "social_response_pct", "2015-Q1", 18, "seratoo-socialbakers-2015", note="Secondary source.")
m("usa", "facebook", "social_response_pct", "2015-Q1", 59, "seratoo-socialbakers-2015", note="Secondary source.")
# Social response time, retail (Sprinklr)
m("france", "social_media", "social_response_time_s", "2015", 13 * 3600 + 53 * 60, "itforbusiness-sprinklr-2016", note="13 h 53 min; French retail brands; secondary source.")
m("usa", "social_media", "social_response_time_s", "2015", 4 * 3600 + 29 * 60, "itforbusiness-sprinklr-2016", note="4 h 29 min; US retail brands; secondary source.")
# Open-to-dialog (France)
m("france", "email", "email_1h_pct", "2014", 34, "lmi-opentodialog-2015", note="E-commerce sites; secondary source.")
m("france", "email", "email_1h_pct", "2015", 27, "lmi-opentodialog-2015", note="E-commerce sites; secondary source.")
m("france", "phone", "answer_30s_pct", "2015", 28, "lmi-opentodialog-2015", note="End of 2015; 22 % of sites unreachable; secondary source.")
# ContactBabel UK
m("uk", "phone", "asa_s", "2014", 36.1, "cch-contactbabel-2015", note="2014/15 report; 28.4 s in the previous edition; secondary source.")
m("uk", "phone", "asa_s", "2016", 35.2, "contactbabel-uk-2016", note="Mean; median 20.5 s.")
m("uk", "phone", "asa_s", "2023", 120, "ccma-contactbabel-2023", note="Highest recorded; secondary source.")
m("uk", "phone", "asa_s", "2024", 116, "cch-contactbabel-2024", note="Secondary source.")
m("uk", "phone", "abandon_pct", "2016", 5.6, "contactbabel-uk-2016", note="Mean; median 4.5 %.")
m("uk", "phone", "abandon_pct", "2023", 9.1, "ccma-contactbabel-2023", note="Highest recorded; secondary source.")
m("uk", "phone", "cost_per_call", "2023", 6.55, "ccma-contactbabel-2023", note="A LinkedIn summary of the same report gives £6.26; secondary source.")
m("uk", "phone", "cost_per_call", "2024", 5.58, "cch-contactbabel-2024", note="Secondary source.")
# Facebook reach, Maghreb countries (Dec 2016)
m("morocco", "facebook", "facebook_users_pct", "2016-12", 39, "medianet-facebook-2016", note="13.0 M users; secondary source.")
m("tunisia", "facebook", "facebook_users_pct", "2016-12", 57.1, "medianet-facebook-2016", note="6.0 M users; Medianet's release elsewhere: 55.27 %. Secondary source.")
m("algeria", "facebook", "facebook_users_pct", "2016-12", 45.5, "medianet-facebook-2016", note="18.0 M users; Medianet's release elsewhere: 17 M. Secondary source.")

# Batch 2: shared/reference/public-figures-2.md (see figures_batch2.py)
import sys  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import figures_batch2  # noqa: E402

for (_sid, _title, _pub, _date, _addr, _kind, _note, _label, _title_fr) in figures_batch2.SOURCES:
    SOURCES.insert(len(SOURCES) - 1, (_sid, _title, _pub, None, _date, _addr, _kind, _note, _label, _title_fr))
MEASURED.extend(figures_batch2.FIGURES)

# Sector and company figures: the same rules, plus the segment they describe (figures_segments.py)
import figures_segments  # noqa: E402

for (_sid, _title, _pub, _date, _addr, _kind, _note, _label, _title_fr) in figures_segments.SOURCES:
    SOURCES.insert(len(SOURCES) - 1, (_sid, _title, _pub, None, _date, _addr, _kind, _note, _label, _title_fr))
MEASURED.extend(figures_segments.FIGURES)

# ---------------------------------------------------------------- illustrative values
REGIONS = ["uk", "maghreb", "quebec", "france"]
YEARS = range(2011, 2017)
ILL = "servicescope-illustrative"


def basis(text):
    return "Illustrative: no public figure found for this region and year. " + text


# Each profile: (base value per region in 2011, change per year, per-channel offsets, note basis, decimals)
PROFILES = {
    "nps": ({"uk": -9, "maghreb": -2, "quebec": 8, "france": -15}, 1.6, {None: 0},
            "Order of magnitude set from Bain's 2012 country averages (UK −7, France −13).", 0),
    "csi_index": ({"maghreb": 68.0, "quebec": 78.5, "france": 71.0}, 0.3, {None: 0},
                  "Scale of the UKCSI (0–100); no comparable index is published for this region.", 1),
    "fcr_pct": ({"uk": 71, "maghreb": 65, "quebec": 73, "france": 67}, 0.6,
                {"phone": 0, "email": -8, "chat": -3, "twitter": -10, "facebook": -9, "web_self_service": -15, "forum": -12, "in_person": 6},
                "First-contact resolution is rarely published by country; typical industry range.", 0),
    "aht_s": ({"uk": 330, "maghreb": 290, "quebec": 360, "france": 310}, -3,
              {"phone": 0, "email": 150, "chat": 270, "in_person": 120},
              "Typical contact-centre handling times by channel.", 0),
    "asa_s": ({"uk": 30, "maghreb": 50, "quebec": 58, "france": 46}, 1.2, {"phone": 0},
              "Anchored on the UK ContactBabel means (36.1 s in 2014, 35.2 s in 2016).", 0),
    "abandon_pct": ({"uk": 5.2, "maghreb": 8.5, "quebec": 7.0, "france": 9.0}, -0.1, {"phone": 0},
                    "Anchored on the UK ContactBabel mean (5.6 % in 2016).", 1),
    "email_response_s": ({"uk": 20 * 3600, "maghreb": 44 * 3600, "quebec": 26 * 3600, "france": 32 * 3600}, -1.5 * 3600, {"email": 0},
                         "Typical first-reply delays for email; France's e-commerce tests (27–34 % within one hour) suggest long tails.", -2),
    "social_response_pct": ({"uk": 42, "maghreb": 30, "quebec": 28, "france": 22}, 5,
                            {"twitter": 0, "facebook": 30},
                            "Shaped on Socialbakers Q1 2015 (France: Twitter 35 %, Facebook 71 %; world: 30 %, 74 %).", 0),
    "unscripted_agents_pct": ({"uk": 45, "maghreb": 60, "quebec": 55, "france": 18}, 1.5, {None: 0},
                              "Practice-derived: reflects the articles' descriptions (scripts and templates common in France, more latitude in the Maghreb and the UK); no survey measures it.", 0),
    "contacted_cs_pct": ({"uk": 58, "maghreb": 45, "quebec": 60}, 3, {None: 0},
                         "Order of magnitude from France (46 % in 2012, 79 % in 2016) and Morocco (62 % in 2016).", 0),
    "social_contact_pct": ({"maghreb": 7, "quebec": 8, "france": 7}, 0.8, {None: 0},
                           "Order of magnitude from France (6–10 %, 2015–2017) and Canada (18 % in 2012).", 0),
}

# Preferred-channel mixes (shares of one answer; each year sums to less than 100)
PREF = {
    "uk": {"phone": 52, "email": 20, "web_self_service": 12, "in_person": 6, "chat": 4, "social_media": 3},
    "maghreb": {"in_person": 52, "phone": 22, "web_self_service": 7, "email": 7, "social_media": 6, "chat": 2},
    "quebec": {"phone": 56, "email": 16, "web_self_service": 12, "in_person": 9, "chat": 3, "social_media": 2},
    "france": {"phone": 50, "email": 22, "web_self_service": 14, "in_person": 8, "chat": 2, "social_media": 2},
}
PREF_SHIFT = {"phone": -1.4, "email": 0.2, "web_self_service": 0.6, "in_person": -0.2, "chat": 0.5, "social_media": 0.3}

# Channels used, 2016, for the regions without a survey (several answers)
USE_2016 = {
    "uk": {"phone": 66, "email": 58, "web_self_service": 49, "in_person": 22, "chat": 24, "social_media": 12, "mobile_app": 11},
    "maghreb": {"phone": 64, "in_person": 58, "email": 20, "web_self_service": 18, "facebook": 24, "whatsapp": 15},
}


def wobble(*keys):
    """Deterministic small variation in [-1, 1] so illustrative series are not straight lines."""
    h = 0
    for k in keys:
        for c in str(k):
            h = (h * 131 + ord(c)) % 1_000_003
    return ((h % 2001) / 1000.0) - 1.0


def rnd(v, d):
    if d < 0:
        step = 10 ** (-d)
        return round(v / step) * step
    r = round(v, d)
    return int(r) if d == 0 else r


def cited_in_years(region, channel, indicator):
    """Whether a measured or estimated value exists for this region, channel and indicator
    within the chart years: then no illustrative value is generated for that series at all,
    so an invented value can never stand in front of (or next to) a real one."""
    for (r, c, i, p, _v, _s, grade, *_rest) in MEASURED:
        if r == region and c == channel and i == indicator and int(p[:4]) in YEARS and grade != "Illustrative":
            return True
    return False


ILLUSTRATIVE = []
for ind, (bases, slope, chans, note, dec) in PROFILES.items():
    for region in REGIONS:
        if region not in bases:
            continue
        for ch, off in chans.items():
            if cited_in_years(region, ch, ind):
                continue
            for y in YEARS:
                t = y - 2011
                spread = abs(bases[region]) * 0.02 + 0.5
                v = bases[region] + off + slope * t + wobble(ind, region, ch, y) * spread
                lo, hi = {"nps": (-100, 100)}.get(ind, (0, 100 if ind.endswith("_pct") else 1e12))
                v = min(max(v, lo), hi)
                ILLUSTRATIVE.append((region, ch, ind, str(y), rnd(v, dec), ILL, "Illustrative", basis(note)))
for region, mix in PREF.items():
    for y in YEARS:
        t = y - 2011
        for ch, share in mix.items():
            if cited_in_years(region, ch, "channel_pref_pct"):
                continue
            v = share + PREF_SHIFT[ch] * t + wobble("pref", region, ch, y) * 0.8
            ILLUSTRATIVE.append((region, ch, "channel_pref_pct", str(y), rnd(max(v, 0), 0), ILL, "Illustrative",
                                 basis("Shaped on the Moroccan 2016 survey (face to face 55 %, phone 17 %) and on phone dominance in Europe and Québec.")))
for region, use in USE_2016.items():
    for ch, v in use.items():
        if cited_in_years(region, ch, "channel_use_pct"):
            continue
        ILLUSTRATIVE.append((region, ch, "channel_use_pct", "2016", v, ILL, "Illustrative",
                             basis("Shaped on France 2016 (BVA) and Québec 2018 (Léger): phone first, several answers possible.")))


# The rule, enforced: no illustrative series where a cited value exists within the chart years.
for (_r, _c, _i, _p, *_rest) in ILLUSTRATIVE:
    assert not cited_in_years(_r, _c, _i), f"illustrative value in front of a cited one: {_r} {_c} {_i} {_p}"
# Every cited value names a source that exists.
_ids = {s_[0] for s_ in SOURCES}
for _o in MEASURED:
    assert _o[5] in _ids, f"unknown source {_o[5]}"


def fmt_num(v):
    if v is None:
        return "None"
    if isinstance(v, int) or float(v).is_integer():
        return f"{int(v)}.0" if False else str(int(v))
    return repr(float(v))


# Indicators whose bundled figures all describe one sector (a segment of data/benchmark/catalog.ron)
SEGMENT_OF = {"nps": "retail_banking"}


def obs_line(o):
    region, ch, ind, period, value, src, grade, note = o[:8]
    segment = o[8] if len(o) > 8 else SEGMENT_OF.get(ind)
    parts = [f"region: {q(region)}"]
    if ch:
        parts.append(f"channel: {q(ch)}")
    if segment:
        parts.append(f"segment: {q(segment)}")
    parts += [f"indicator: {q(ind)}", f"period: {q(period)}", f"value: {fmt_num(value)}", f"source: {q(src)}", f"grade: {grade}"]
    if note:
        parts.append(f"note: {q(note)}")
    return "        (" + ", ".join(parts) + "),"


def src_block(s):
    sid, title, pub, author, date, addr, kind, note = s[:8]
    label, title_fr = LABELS[sid] if sid in LABELS else s[8:10]
    lines = [f"        Source(id: {q(sid)}, title: {q(title)}, publisher: {q(pub)},"]
    if title_fr:
        lines.append(f"            title_fr: {q(title_fr)},")
    lines.append(f"            label: {q(label)},")
    lines.append(f"            author: {q(author) if author else 'None'}, date: {q(date)}, address: {q(addr) if addr else 'None'}, kind: {kind},")
    lines.append(f"            note: {q(note) if note else 'None'}),")
    return "\n".join(lines)


HEADER = "#![enable(implicit_some)]\n// Generated by data/tools/gen_benchmark.py — edit the generator, not this file.\n"
(OUT / "sources.ron").write_text(HEADER + "// Sources of the bundled figures (see shared/reference/public-figures.md).\nDataset(\n    sources: [\n"
                                 + "\n".join(src_block(s) for s in SOURCES) + "\n    ],\n)\n", encoding="utf-8")
(OUT / "observations.ron").write_text(HEADER + "// Cited figures first (Measured / Estimated), then Illustrative values.\nDataset(\n    observations: [\n"
                                      + "\n".join(obs_line(o) for o in MEASURED + ILLUSTRATIVE) + "\n    ],\n)\n", encoding="utf-8")
print(f"{len(SOURCES)} sources, {len(MEASURED)} cited observations, {len(ILLUSTRATIVE)} illustrative")
