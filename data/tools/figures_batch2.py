"""Figures of shared/reference/public-figures-2.md (batch 2), for gen_benchmark.py.

Each figure keeps its region, period, unit and definition as published; secondary sources say
so in the note and in the source's publisher ("…, via …"); values derived from printed
figures (a midpoint of a printed range, a complement of a printed share, a quotient) are
Estimated and the note says "derived" and how. Figures about one company or one sector carry
a segment key (SEG_*); gen_benchmark.py writes them only when the data format has the
segment dimension.
"""

# ------------------------------------------------------------------ sources
# (id, title, publisher, date, address, kind, note, label, title_fr)
SOURCES = [
    # American Express Global Customer Service Barometer
    ("amex-2011-market", "2011 Global Customer Service Barometer: Market Comparison of Findings",
     "American Express (report copy on fdocuments / SlideShare)", "2011",
     "https://fdocuments.net/document/axp-2011-csbarmarket.html", "Report",
     "Online survey, Feb–Mar 2011, about 1,000 adults per market (France 1,001; UK 1,016; Canada 1,060).",
     "American Express, 2011", None),
    ("amex-2012-market", "2012 Global Customer Service Barometer: Market Comparison of Findings",
     "American Express (report copy on fdocuments)", "2012",
     "https://fdocuments.us/document/american-express-2012-global-customer-service-barometer.html", "Report",
     "Online survey, Feb–Mar 2012 (Canada n = 1,003); UK and France values not legible in the copy.",
     "American Express, 2012", None),
    ("amex-2014-market", "2014 Global Customer Service Barometer: Comparison of Findings Across Markets",
     "American Express (report copy on docobook)", "2014",
     "https://docobook.com/2014-global-customer-service-barometer-american-express.html", "Report",
     "Ebiquity online survey, August 2014 (Canada n = 1,001); France is not in the 2014 wave.",
     "American Express, 2014", None),
    ("deplacementspros-amex-2012", "American Express sonde les attentes des consommateurs en matière de service",
     "American Express France, via Déplacements Pros", "2012",
     "https://www.deplacementspros.com/American-Express-sonde-les-attentes-des-consommateurs-en-matiere-de-service_a15164.html?print=1",
     "Article", "Secondary source.", "American Express via Déplacements Pros, 2012",
     "American Express sonde les attentes des consommateurs en matière de service"),
    ("amex-canada-2011", "Service speaks: Canadians willing to spend 12% more with companies that offer great service, a 5% increase over 2010",
     "American Express Canada (press release)", "2011-10-19",
     "https://americanexpress.mediaroom.com/2011-10-19-Service-speaks-Canadians-willing-to-spend-12-more-with-companies-that-offer-great-service-a-5-increase-over-2010",
     "Survey", None, "American Express Canada, 2011", None),
    ("easier-amex-uk-2011", "Poor customer service sees UK consumer walk-out",
     "American Express UK, via Easier.com and WARC", "2011-07-14",
     "http://www.easier.com/92280-poor-customer-service-consumer-walk-out.html", "Article",
     "Secondary source (also WARC, \"Good service pays in UK\"). n = 1,000.",
     "American Express UK via Easier.com, 2011", None),
    ("acuite-amex-2012", "Vos clients veulent du service et sont prêts à y mettre le prix",
     "American Express / Echo Research, via Acuité and Fréquence Optic", "2012",
     "http://www.acuite.fr/actualite/economie/10400/vos-clients-veulent-du-service-et-sont-prets-y-mettre-le-prix",
     "Article", "Secondary source. n = 1,000.", "American Express via Acuité, 2012",
     "Vos clients veulent du service et sont prêts à y mettre le prix"),
    ("amex-us-2011", "Good Service is Good Business: American Consumers Willing to Spend More With Companies That Get It Right",
     "American Express (release on Business Wire)", "2011-05-03",
     "https://www.businesswire.com/news/home/20110503005753/en/Good-Service-Good-Business-American-Consumers-Spend",
     "Survey", None, "American Express US, 2011", None),
    ("rcm-amex-2012", "Les consommateurs français en quête de proximité",
     "American Express, via Relation Client Magazine and Fréquence Optic", "2012",
     "https://www.relationclientmag.fr/Thematique/data-room-1252/Breves/Les-consommateurs-fran-ais-quete-proximite-193163/amp.htm",
     "Article", "Secondary source.", "American Express via Relation Client Magazine, 2012",
     "Les consommateurs français en quête de proximité"),
    ("amex-us-2012", "Social Media Raises the Stakes for Customer Service",
     "American Express (release on Business Wire)", "2012-05-02",
     "https://www.businesswire.com/news/home/20120502005440/en/Social-Media-Raises-the-Stakes-for-Customer-Service",
     "Survey", None, "American Express US, 2012", None),
    ("amex-canada-2014", "Canadians reward outstanding customer service by spending more and spreading the word to their friends and family",
     "American Express Canada (release on CNW)", "2014-11-13",
     "https://newswire.ca/news-releases/canadians-reward-outstanding-customer-service-by-spending-more-and-spreading-the-word-to-their-friends-and-family-516390991.html",
     "Survey", "Survey August 2014.", "American Express Canada, 2014", None),
    ("deplacementspros-amex-2011", "American Express : le service clients au cœur des attentes du consommateur",
     "American Express France, via Déplacements Pros", "2011-05-03",
     "http://www.deplacementspros.com/American-Express-le-service-clients-au-coeur-des-attentes-du-consommateur_a9640.html",
     "Article", "Secondary source.", "American Express via Déplacements Pros, 2011",
     "American Express : le service clients au cœur des attentes du consommateur"),
    ("amex-france-2010", "Baromètre service clients American Express (press release)",
     "American Express France (release copy on YouScribe)", "2010-07-07",
     "http://www.youscribe.com/catalogue/tous/art-musique-et-cinema/autres/news-release-press-information-415146",
     "Survey", None, "American Express France, 2010", "Baromètre service clients American Express"),
    # Accenture Global Consumer Pulse
    ("accenture-fr-2016", "Les consommateurs français attendent plus de contact humain (Global Consumer Pulse Research 2016)",
     "Accenture Strategy France (press release)", "2016-06-06",
     "https://www.accenture.com/fr-fr/company-news-release-accenture-global-consumer-pulse-research-2016",
     "Survey", "11th Global Consumer Pulse: 24,489 consumers in 33 countries, survey end of 2015 (switching window Aug 2014–Sep 2015).",
     "Accenture France, 2016", "Les consommateurs français attendent plus de contact humain"),
    ("accenture-ca-2016", "Consumers demand a more personalized experience and human interaction",
     "Accenture Canada", "2016",
     "https://www.accenture.com/ca-en/insight-canadian-consumer-demand-personalized-experience",
     "Survey", "Same Global Consumer Pulse wave as the French release (n = 1,334 Canadians).",
     "Accenture Canada, 2016", None),
    ("warc-accenture-us-2016", "Human touch vital for brand loyalty",
     "Accenture Strategy (Digital Disconnect in Customer Engagement), via WARC and RIS News", "2016",
     "https://www.warc.com/NewsAndOpinion/news/Human%20touch%20vital%20for%20brand%20loyalty/36465",
     "Article", "Secondary source. Same wave, n = 2,003 US consumers.", "Accenture via WARC, 2016", None),
    ("rcm-accenture-2013", "54 % des Français ont changé de fournisseur en 2013",
     "Accenture Global Consumer Pulse 2013, via Relation Client Magazine", "2013",
     "https://relationclientmag.fr/Thematique/data-room-1252/Breves/Fran-ais-ont-change-fournisseur-2013-234494.htm",
     "Article", "Secondary source. 9th edition.", "Accenture via Relation Client Magazine, 2013",
     "54 % des Français ont changé de fournisseur en 2013"),
    ("marketingweek-accenture-2014", "Customer services and why people switch brands",
     "Accenture Global Consumer Pulse, via Marketing Week", "2014-04-09",
     "https://www.marketingweek.com/2014/04/09/customer-services-and-why-people-switch-brands/",
     "Article", "Secondary source. 2013 wave.", "Accenture via Marketing Week, 2014", None),
    ("accenture-us-2013", "US switching economy puts up to $1.3 trillion of revenue up for grabs for companies offering superior customer experiences",
     "Accenture (newsroom release); global figures via MarketingCharts", "2013-10-22",
     "https://newsroom.accenture.com/news/2013/us-switching-economy-puts-up-to-1-3-trillion-of-revenue-up-for-grabs-for-companies-offering-superior-customer-experiences-accenture-research-finds",
     "Survey", "12,867 consumers in 32 countries. US figures from Accenture's release; global figures secondary (MarketingCharts).",
     "Accenture, 2013", None),
    ("latribune-accenture-2012", "Téléphonie, gaz, électricité : les consommateurs de moins en moins fidèles",
     "Accenture, via La Tribune and ChannelBiz", "2012-04-03",
     "https://www.latribune.fr/entreprises-finance/20120403trib000691813/telephonie-gaz-electricite-les-consommateurs-de-moins-en-moins-fideles.html",
     "Article", "Secondary source. 27 countries, more than 10,000 consumers.", "Accenture via La Tribune, 2012",
     "Téléphonie, gaz, électricité : les consommateurs de moins en moins fidèles"),
    ("guardian-accenture-2006", "[Consumer news article on switching providers, 7 August 2006]",
     "Accenture, via The Guardian", "2006-08-07",
     "http://www.theguardian.com/money/2006/aug/07/business.consumernews", "Article",
     "Secondary source; the bracketed title is descriptive. n = 1,000.", "Accenture via The Guardian, 2006", None),
    ("rcm-accenture-2008", "Les services clients jugés insatisfaisants par les consommateurs selon Accenture",
     "Accenture, via Relation Client Magazine", "2008",
     "https://www.relationclientmag.fr/Thematique/data-room-1252/Breves/Les-services-clients-juges-insatisfaisants-consommateurs-selon-Accenture-173383/amp.htm",
     "Article", "Secondary source. Nine countries including France, the UK and Canada; only France is legible.",
     "Accenture via Relation Client Magazine, 2008",
     "Les services clients jugés insatisfaisants par les consommateurs selon Accenture"),
    # Zendesk Benchmark
    ("engage-zendesk-2012", "UK customers are fifth happiest in world, second happiest in Europe",
     "Zendesk Customer Satisfaction Index, via Engage Customer", "2012",
     "https://engagecustomer.com/uk-customers-are-fifth-happiest-in-world-second-happiest-in-europe/",
     "Article", "Secondary source. First index, early 2012 (global 86 %).", "Zendesk via Engage Customer, 2012", None),
    ("zendesk-fr-2012-03", "La satisfaction client en chiffres : Index de satisfaction client Zendesk, mars 2012",
     "Zendesk (copy on pdfhall)", "2012-03",
     "https://pdfhall.com/en-chiffres-en-chiffres-zendesk_5b903fce097c473e058b4569.html", "Report",
     "French edition of the first index; list of countries with at least 100 ratings.", "Zendesk, 2012",
     "La satisfaction client en chiffres : Index de satisfaction client Zendesk"),
    ("zendesk-uk-2013-08", "Zendesk Global Benchmark Report: Customer Satisfaction on the Rise (UK)",
     "Zendesk (press release)", "2013-08-08",
     "https://zendesk.com/newsroom/press-releases/zendesk-global-benchmark-report-customer-satisfaction-rise-uk",
     "Report", None, "Zendesk, 2013", None),
    ("zendesk-2013-q3", "Zendesk Benchmark Q3: customer satisfaction on the rise, still short of social expectation (UK)",
     "Zendesk (press releases, UK and global)", "2013-10-29",
     "https://www.zendesk.com/newsroom/press-releases/zendesk-benchmark-q3-customer-satisfaction-rise-still-short-social-expectation-uk/",
     "Report", None, "Zendesk, Q3 2013", None),
    ("zendesk-fr-2014-02", "[Zendesk Benchmark Q4 2013, French press release]",
     "Zendesk (press release, France)", "2014-02-11",
     "https://www.zendesk.com/newsroom/press-releases/customer-satisfaction-dropped-substantially-holidays-fr/",
     "Report", "The bracketed title is descriptive.", "Zendesk, 2014", None),
    ("smbnation-zendesk-2014", "Zendesk releases Q1 2014 benchmark report",
     "Zendesk Benchmark, via SMB Nation and CMSWire", "2014",
     "https://mail.smbnation.com/newsletters/zendesk-releases-q1-2014-benchmark-report", "Article",
     "Secondary source.", "Zendesk via SMB Nation, 2014", None),
    ("actimag-zendesk-2014", "Tour du monde de la satisfaction client",
     "Zendesk Benchmark, via Actimag (Sitel)", "2014-09-04",
     "http://www.actimag-relation-client.com/fr/article/tour-du-monde-satisfaction-client", "Article",
     "Secondary source; the global value is confirmed by Zendesk's German release.", "Zendesk via Actimag, 2014",
     "Tour du monde de la satisfaction client"),
    ("cyracom-zendesk-2015", "Comparing customer service: which country takes the best care of its customers?",
     "Zendesk Benchmark Q2 2015, via CyraCom blog (J. Toister)", "2015",
     "https://blog.cyracom.com/ciiblog/comparing-customer-service-which-country-takes-the-best-care-of-its-customers",
     "Article", "Secondary source; the global value is on Zendesk's blog.", "Zendesk via CyraCom, 2015", None),
    ("zendesk-fr-2018", "Coupe du monde du service client 2018", "Zendesk (France blog)", "2018",
     "https://www.zendesk.fr/blog/coupe-du-monde-du-service-client-2018/", "Article", None, "Zendesk, 2018",
     "Coupe du monde du service client 2018"),
    # Eptica mystery shopping, UK and France
    ("eptica-uk-2014", "Study: Twitter is least effective customer service channel for UK brands",
     "Eptica, via EContent and The Wise Marketer", "2014-03",
     "http://www.econtentmag.com/Articles/News/News-Item/Study-Twitter-is-Least-Effective-Customer-Service-Channel-for-UK-Brands-95960.htm",
     "Article", "Secondary source. 100 leading UK companies, 10 routine questions.", "Eptica via EContent, 2014", None),
    ("eptica-uk-2015", "Twitter overtakes email for fast, accurate customer service, says study",
     "Eptica, via ClickZ, ChannelWeb and iXtenso", "2015-03-18",
     "https://clickz.com/twitter-overtakes-email-for-fast-accurate-customer-service-says-study/16787",
     "Article", "Secondary source.", "Eptica via ClickZ, 2015", None),
    ("lmi-eptica-2014", "Les sites e-commerce en retard sur le cross-canal",
     "Eptica, via Le Monde Informatique", "2014",
     "https://www.lemondeinformatique.fr/actualites/lire-les-sites-e-commerce-en-retard-sur-le-cross-canal-57660.html",
     "Article", "Secondary source. 110 leading French companies in 11 sectors.", "Eptica via Le Monde Informatique, 2014",
     "Les sites e-commerce en retard sur le cross-canal"),
    ("collaboratif-eptica-2014", "Relation client : les réseaux sociaux ont la cote, mais…",
     "Eptica, via Collaboratif-info", "2014",
     "http://www.collaboratif-info.fr/edito/relation-client-les-reseaux-sociaux-ont-la-cote-mais", "Article",
     "Secondary source.", "Eptica via Collaboratif-info, 2014", "Relation client : les réseaux sociaux ont la cote, mais…"),
    ("topcom-eptica-2015", "Étude Eptica 2015 : les marques françaises et l'expérience client omnicanal en ligne",
     "Eptica, via Topcom", "2015",
     "http://topcom.fr/zoom/etude-eptica-2015-les-marques-francaises-et-lexperience-client-omnicanal-en-ligne/",
     "Article", "Secondary source. 110 companies, 11 sectors.", "Eptica via Topcom, 2015",
     "Étude Eptica 2015 : les marques françaises et l'expérience client omnicanal en ligne"),
    # Qualiweb
    ("rcm-qualiweb-2001", "Un e-mail sur deux reste sans réponse",
     "Cocédal Conseil (QualiWeb barometer), via Relation Client Magazine", "2001",
     "https://relationclientmag.fr/Relation-Client-Magazine/Article/Un-e-mail-sur-deux-reste-sans-reponse-9080-1.htm",
     "Article", "Secondary source. Mystery e-mails to French websites.", "QualiWeb via Relation Client Magazine, 2001",
     "Un e-mail sur deux reste sans réponse"),
    ("rcm-qualiweb-2004", "E-mail : un taux de réponse encore à améliorer",
     "Cocédal Conseil (QualiWeb, 7th edition), via Relation Client Magazine", "2004",
     "https://relationclientmag.fr/Relation-Client-Magazine/Article/E-mail-un-taux-de-reponse-encore-a-ameliorer-15119-1.htm",
     "Article", "Secondary source.", "QualiWeb via Relation Client Magazine, 2004",
     "E-mail : un taux de réponse encore à améliorer"),
    # ICS / UKCSI extras, ContactBabel
    ("ics-ukcsi-2020-01", "UK Customer Satisfaction Index, January 2020 (report copy)",
     "Institute of Customer Service (report copy on pdfslide)", "2020-01",
     "https://pdfslide.net/documents/january-2020-uk-customer-satisfaction-index-8-uk-customer-satisfaction-index-january.html",
     "Report", None, "ICS UKCSI, 2020", None),
    ("ics-ukcsi-2021-07", "UK Customer Satisfaction Index, July 2021 (report copy)",
     "Institute of Customer Service (report copy on vdocuments)", "2021-07",
     "https://vdocuments.net/july-2021-uk-customer-satisfaction-index.html", "Report", None, "ICS UKCSI, 2021", None),
    ("dailymail-ukcsi-2022", "Customer service complaints reach all-time high, survey warns",
     "Institute of Customer Service (UKCSI), via the Daily Mail", "2022-07",
     "https://www.dailymail.co.uk/money/markets/article-10983379/Customer-service-complaints-reach-time-high-survey-warns.html",
     "Article", "Secondary source.", "ICS via Daily Mail, 2022", None),
    ("complainingcow-ukcsi-2022", "Customer complaints reach their highest ever",
     "Institute of Customer Service (UKCSI), via The Complaining Cow, The Independent and Retail Bulletin", "2022-07",
     "https://www.thecomplainingcow.co.uk/customer-complaints-reach-their-highest-ever/", "Article",
     "Secondary source.", "ICS via The Complaining Cow, 2022", None),
    ("tlf-ukcsi-2007", "UKCSI Results – November 2007", "TLF Research (UKCSI fieldwork agency)", "2007-11",
     "https://www.tlfresearch.com/ukcsi-wave-1-results/", "Report",
     "First (pilot) UKCSI wave, May–June 2007, n = 2,000.", "TLF Research, 2007", None),
    ("linkedin-contactbabel-2023", "The state we're in: vital findings from the ContactBabel 2023 UK report",
     "ContactBabel UK Decision-Makers' Guide 2023, via a LinkedIn article (mirror)", "2023",
     "https://dhirubhai.net/pulse/state-were-vital-findings-from-contactbabel-2023-uk-report-hughes", "Article",
     "Secondary source.", "ContactBabel via LinkedIn, 2023", None),
    ("ecccsa-contactbabel-2018", "How do you compare across Europe?",
     "ContactBabel European Contact Centre Decision-Makers' Guide 2018, via ECCCSA", "2018",
     "https://www.ecccsa.com/how-do-you-compare-across-europe/", "Article",
     "Secondary source. 168 European centres plus UK and US, 2017–early 2018.", "ContactBabel via ECCCSA, 2018", None),
    # ESCDA observatoires (France BVA 2010, Morocco)
    ("sensduclient-escda-2011", "Elu service client de l'année 2011",
     "BVA Observatoire des services clients, via Le Sens du client (blog)", "2010-10",
     "https://www.sensduclient.com/2010/10/elu-service-client-de-lannee-2011-so.html", "Article",
     "Secondary source. Survey of French adults, 2010.", "BVA via Le Sens du client, 2010",
     "Elu service client de l'année 2011"),
    ("lematin-escda-maroc-2018", "Candidatures ouvertes jusqu'au 31 mars",
     "Baromètre Service Client Maroc (Élu Service Client de l'Année Maroc), via Le Matin", "2018-02-15",
     "https://lematin.ma/journal/2018/candidatures-ouvertes-jusqu-31-mars/287286.html", "Article",
     "Secondary source. Mystery tests of participating companies, May–Aug 2017.", "ESCDA Maroc via Le Matin, 2018",
     "Candidatures ouvertes jusqu'au 31 mars"),
    # Contact-centre industry, France and Maghreb
    ("liberation-2004", "Ligne directe / À savoir", "Libération", "2004-10-18",
     "https://www.staging.libe.io/futurs/2004/10/18/ligne-directe-a-savoir_496362", "Article",
     "Press article; AFRC figures quoted.", "Libération, 2004", "Ligne directe / À savoir"),
    ("lesechos-2010", "[Les centres d'appels veulent rectifier leur image] (Les Échos, 22 October 2010)",
     "Les Échos, reposted by the CRSTPF Lyon blog", "2010-10-22",
     "http://crstpflyon.blogspot.com/2010/10/les-centres-dappels-veulent-rectifier.html", "Article",
     "Secondary copy; SP2C and AFRC figures quoted. Title as on the repost.", "Les Échos via CRSTPF blog, 2010", None),
    ("insee-2022", "Les centres d'appels, un secteur en forte croissance durant la crise sanitaire",
     "INSEE (INSEE Première n° 1931)", "2022-12", "https://www.insee.fr/fr/statistiques/6670636", "Report",
     "Outsourced call-centre sector (NAF 82.20Z) only, not in-house centres.", "INSEE, 2022",
     "Les centres d'appels, un secteur en forte croissance durant la crise sanitaire"),
    ("bladi-afp-2006", "Le Maghreb, destination privilégiée des call-centers français",
     "AFP, via Bladi.net", "2006", "https://www.bladi.net/maghreb-call-centers-france.html", "Article",
     "Secondary source. One report, four countries, same year.", "AFP via Bladi.net, 2006",
     "Le Maghreb, destination privilégiée des call-centers français"),
    ("bladi-webhelp-2010", "Webhelp ouvre des centres d'appels au Maroc",
     "Webhelp co-president interviewed by JDN, via Bladi.net", "2010",
     "https://bladi.net/webhelp-ouvre-des-centres-d-appels-au-maroc.html", "Article",
     "Secondary source; an operator's view.", "Webhelp via Bladi.net, 2010", "Webhelp ouvre des centres d'appels au Maroc"),
    ("maghress-2003", "[Call centres in Morocco] (Aujourd'hui le Maroc, 2003)",
     "Aujourd'hui le Maroc, via Maghress", "2003", "https://maghress.com/fr/aujourdhui/10654", "Article",
     "Press article; the bracketed title is descriptive.", "Aujourd'hui le Maroc via Maghress, 2003", None),
    ("lavieeco-amrc-2010", "260 call centers, 28 000 personnes employées",
     "AMRC and ANRT, via La Vie éco", "2010",
     "https://www.lavieeco.com/affaires/260-call-centers-28-000-personnes-employees-16311", "Article",
     "Secondary source.", "AMRC/ANRT via La Vie éco, 2010", "260 call centers, 28 000 personnes employées"),
    ("wmc-tunisie-2005", "2 200 emplois en 2005 dans les centres d'appels", "WebManagerCenter", "2005-08-31",
     "https://webmanagercenter.com/2005/08/31/12648/2-200-emplois-en-2005-dans-les-centres-d-appels", "Article",
     None, "WebManagerCenter, 2005", "2 200 emplois en 2005 dans les centres d'appels"),
    ("wmc-tunisie-2006", "La Tunisie, une destination des centres d'appels", "WebManagerCenter", "2006-06-22",
     "https://webmanagercenter.com/2006/06/22/5975/la-tunisie-une-destination-des-centres-d-appels", "Article",
     None, "WebManagerCenter, 2006", "La Tunisie, une destination des centres d'appels"),
    ("wmc-tunisie-2007", "La Tunisie comptera 130 centres d'appels à fin 2007",
     "FIPA and ministry, via WebManagerCenter", "2007-08-21",
     "https://webmanagercenter.com/2007/08/21/32053/la-tunisie-comptera-130-centres-d-appels-a-fin-2007", "Article",
     "Secondary source.", "FIPA via WebManagerCenter, 2007", "La Tunisie comptera 130 centres d'appels à fin 2007"),
    ("wmc-tunisie-2009", "Tunisie – Centres d'appels (2) : un secteur accusé de tous les maux",
     "Chambre des centres d'appels (COS Tunisie CEO), via WebManagerCenter", "2009-04-27",
     "https://www.webmanagercenter.com/2009/04/27/74334/tunisie-centres-d-appels-2-un-secteur-accuse-de-tous-les-maux",
     "Article", "Secondary source.", "Chambre des centres d'appels via WebManagerCenter, 2009",
     "Tunisie – Centres d'appels (2) : un secteur accusé de tous les maux"),
    ("jeuneafrique-tunisie-2020", "En Tunisie, les centres d'appels ne répondent plus",
     "Externalys (national chamber), via Jeune Afrique", "2020-03",
     "https://www.jeuneafrique.com/916104/economie/en-tunisie-les-centres-dappels-ne-repondent-plus/", "Article",
     "Secondary source.", "Externalys via Jeune Afrique, 2020", "En Tunisie, les centres d'appels ne répondent plus"),
    ("djazairess-arpt-2008", "[Call centres in Algeria] (La Tribune, Algeria, 2008)",
     "ARPT, via La Tribune (Algeria) on Djazairess", "2008", "https://djazairess.com/fr/latribune/8064", "Article",
     "Secondary source; the bracketed title is descriptive.", "ARPT via La Tribune (Algérie), 2008", None),
    ("rcm-offshore-2012", "L'offshore stabilise ses positions",
     "Relation Client Magazine (Office des changes and Chambre syndicale des centres d'appels tunisiens figures)", "2012",
     "https://relationclientmag.fr/Thematique/outsourcing-1254/Breves/offshore-stabilise-ses-positions-187956/amp.htm",
     "Article", "Secondary source.", "Relation Client Magazine, 2012", "L'offshore stabilise ses positions"),
    ("yabiladi-anrt-2006", "[ANRT study of call centres in Morocco, end of 2006]", "ANRT, via Yabiladi", "2007",
     "https://www.yabiladi.com/article-economie-1161.html", "Article",
     "Secondary source; the bracketed title is descriptive.", "ANRT via Yabiladi, 2007", None),
    ("almanach-dz-2008", "[Call centres in Algeria, Q1 2008]", "ARPT/AARC and the minister (26 March 2008), via Almanach DZ", "2008",
     "http://almanach-dz.com/index.php?fiche=1459&op=fiche", "Article",
     "Secondary source; the bracketed title is descriptive.", "ARPT via Almanach DZ, 2008", None),
    # Maghreb accessibility and complaints
    ("wmc-inc-2018", "Seulement 26 % des numéros verts en Tunisie sont opérationnels (enquête INC)",
     "Institut National de la Consommation (INC), via WebManagerCenter", "2018-06-25",
     "https://www.webmanagercenter.com/2018/06/25/421442/seulement-26-des-numeros-verts-en-tunisie-sont-operationnels-enquete-inc/",
     "Article", "Secondary source.", "INC via WebManagerCenter, 2018",
     "Seulement 26 % des numéros verts en Tunisie sont opérationnels (enquête INC)"),
    ("directinfo-inc-2015", "Tunisie : numéro vert des entreprises publiques et privées",
     "Institut National de la Consommation (INC), via Directinfo", "2015-03-08",
     "https://directinfo.webmanagercenter.com/2015/03/08/tunisie-numero-vert-des-entreprises-publiques-et-privees",
     "Article", "Secondary source.", "INC via Directinfo, 2015", "Tunisie : numéro vert des entreprises publiques et privées"),
    ("le360-anrt-2023", "Télécoms : les principales sources d'insatisfaction des clients selon l'ANRT",
     "ANRT statistics, via Le360", "2024",
     "https://fr.le360.ma/economie/telecoms-les-principales-sources-dinsatisfaction-des-clients-selon-lanrt_SHPAMGGOWVEXPHPUU5XX73AZME/",
     "Article", "Secondary source.", "ANRT via Le360, 2024", "Télécoms : les principales sources d'insatisfaction des clients selon l'ANRT"),
    ("telquel-anrt-2023", "Télécoms : les plaintes contre les opérateurs s'accumulent selon l'ANRT",
     "ANRT statistics, via TelQuel and Afrique IT News", "2023-07-24",
     "https://telquel.ma/instant-t/2023/07/24/telecoms-les-plaintes-contre-les-operateurs-saccumulent-selon-lanrt_1822773/",
     "Article", "Secondary source.", "ANRT via TelQuel, 2023", "Télécoms : les plaintes contre les opérateurs s'accumulent selon l'ANRT"),
    ("message-forrester-2019", "Fairmont tops Forrester's 2019 Canada Customer Experience Index",
     "Forrester, via The Message", "2019-07-16",
     "https://the-message.ca/2019/07/16/fairmont-tops-forresters-2019-canada-customer-experience-index/", "Article",
     "Secondary source.", "Forrester via The Message, 2019", None),
    ("newsbreak-forrester-2021", "[Forrester blog on the 2021 Canada CX Index, reposted]", "Forrester, via NewsBreak", "2021",
     "https://www.newsbreak.com/news/2263779849179/salone-del-mobile-scraps-branded-booths-and-other-news", "Article",
     "Secondary source; the bracketed title is descriptive.", "Forrester via NewsBreak, 2021", None),
    # Canada complaints (CCTS)
    ("ccts-2018-19-mid", "CCTS Mid-Year Report 2018-2019", "Commission for Complaints for Telecom-television Services (CCTS)", "2019",
     "https://pub.ccts-cprst.ca/2018-2019-mid-year-report/", "Report", None, "CCTS, 2019", None),
    ("ccts-2022-23", "CCTS Annual Report 2022-2023: year at a glance", "Commission for Complaints for Telecom-television Services (CCTS)", "2023",
     "https://pub.ccts-cprst.ca/2022-2023-annual-report/year-at-a-glance", "Report", None, "CCTS, 2023", None),
    ("ledevoir-ccts-2019", "Encore une hausse des plaintes contre les fournisseurs canadiens de services de télécommunication",
     "CCTS annual report 2018-19, via Le Devoir", "2019",
     "https://www.ledevoir.com/economie/567997/encore-une-hausse-des-plaintes-contre-les-fournisseurs-canadiens-de-services-de-telecommunication",
     "Article", "Secondary source.", "CCTS via Le Devoir, 2019",
     "Encore une hausse des plaintes contre les fournisseurs canadiens de services de télécommunication"),
    ("lapresse-ccts-2021", "Hausse de 9 % des plaintes en télécommunications",
     "CCTS annual report 2020-21, via La Presse", "2021-12-06",
     "https://www.lapresse.ca/affaires/2021-12-06/hausse-de-9-des-plaintes-en-telecommunications.php", "Article",
     "Secondary source.", "CCTS via La Presse, 2021", "Hausse de 9 % des plaintes en télécommunications"),
]

# ------------------------------------------------------------------ figures
# (region, channel, indicator, period, value, source, grade, note)
FIGURES = []


def f(region, channel, indicator, period, value, source, note, grade="Measured"):
    FIGURES.append((region, channel, indicator, period, value, source, grade, note))


SEC = "Secondary source."

# Accenture Global Consumer Pulse: switched because of poor service
f("uk", None, "switch_poor_service_pct", "2006", 60, "guardian-accenture-2006",
  "Printed as 'almost 60 %' of UK consumers switching at least one provider over disappointing service. " + SEC)
f("uk", None, "switch_poor_service_pct", "2013", 53, "marketingweek-accenture-2014",
  "Switched brand in at least one industry because of service shortfalls; 2013 wave. " + SEC)
f("france", None, "switch_poor_service_pct", "2013", 54, "rcm-accenture-2013", "9th edition. " + SEC)
f("france", None, "switch_poor_service_pct", "2015", 55, "accenture-fr-2016",
  "Switching window Aug 2014–Sep 2015 (11th wave).")
f("canada", None, "switch_poor_service_pct", "2015", 49, "accenture-ca-2016",
  "Same wave as France 55 %; Canada, not Québec alone.")
f("usa", None, "switch_poor_service_pct", "2012", 46, "accenture-us-2013", "Year-ago value in the 2013 release.")
f("usa", None, "switch_poor_service_pct", "2013", 51, "accenture-us-2013", "Same wave as the UK and France 2013 values.")
f("usa", None, "switch_poor_service_pct", "2015", 52, "warc-accenture-us-2016", "Same wave as France 55 %. " + SEC)
f("world", None, "switch_poor_service_pct", "2012", 62, "accenture-us-2013", "Global average of the surveyed countries. " + SEC)
f("world", None, "switch_poor_service_pct", "2013", 66, "accenture-us-2013",
  "Global average (mature markets 54 %, emerging 81 %). " + SEC)
f("france", None, "could_retain_pct", "2013", 75, "rcm-accenture-2013", "Share of switchers who say the company could have kept them. " + SEC)
f("canada", None, "could_retain_pct", "2015", 80, "accenture-ca-2016", "Share of switchers who say the company could have kept them.")
f("canada", None, "lost_for_good_pct", "2015", 68, "accenture-ca-2016", "Switchers who will not return (global 58 %).")
f("world", None, "lost_for_good_pct", "2015", 58, "accenture-ca-2016", "Global value quoted in the Canadian release.")
f("canada", None, "posted_negative_pct", "2015", 17, "accenture-ca-2016", "Posted negative comments online (global 28 %).")
f("world", None, "posted_negative_pct", "2015", 28, "accenture-ca-2016", "Global value quoted in the Canadian release.")
f("france", None, "prefer_human_pct", "2015", 79, "accenture-fr-2016", "Prefer dealing with a person to solve service problems.")
f("usa", None, "prefer_human_pct", "2015", 83, "warc-accenture-us-2016", SEC)
# switched or tried another provider in the year, whatever the reason
f("france", None, "changed_supplier_pct", "2011", 61, "latribune-accenture-2012",
  "Changed supplier in 2011, partial switching included; wider than switching because of poor service. " + SEC)
f("france", None, "changed_supplier_pct", "2010", 53, "latribune-accenture-2012",
  "Derived: 61 % in 2011 was 8 points up on 2010. " + SEC, "Estimated")
f("world", None, "changed_supplier_pct", "2011", 66, "latribune-accenture-2012",
  "Average of 27 countries (mature 55 %, emerging 79 %). " + SEC)
f("morocco", None, "changed_supplier_pct", "2016", 49, "escda-maroc-2016",
  "Tried other providers during the year (phone survey, n = 1,000); wording differs from Accenture's. " + SEC)
f("france", None, "very_loyal_pct", "2011", 19, "latribune-accenture-2012", SEC)
f("world", None, "very_loyal_pct", "2011", 23, "latribune-accenture-2012", "Average of 27 countries. " + SEC)
f("france", None, "service_judged_poor_pct", "2007", 60, "rcm-accenture-2008", "Overall service quality judged fair, poor or mediocre. " + SEC)
f("france", None, "service_judged_poor_pct", "2008", 46, "rcm-accenture-2008", "Overall service quality judged fair, poor or mediocre. " + SEC)

# American Express barometer
f("france", None, "attitudes_unchanged_pct", "2011", 51, "amex-2011-market", "Same question, same year as the UK and Canada.")
f("uk", None, "attitudes_unchanged_pct", "2011", 45, "amex-2011-market", "Same question, same year as France and Canada.")
f("canada", None, "attitudes_unchanged_pct", "2011", 44, "amex-2011-market", "Same question, same year as France and the UK.")
f("canada", None, "less_attention_pct", "2012", 32, "amex-2012-market", "Canada, not Québec alone.")
f("usa", None, "less_attention_pct", "2012", 32, "amex-2012-market", None)
f("canada", None, "less_attention_pct", "2014", 40, "amex-2014-market", "Highest of the ten markets (also in the Canadian release).")
f("usa", None, "less_attention_pct", "2014", 38, "amex-2014-market", None)
for reg, v in [("usa", 43), ("canada", 44), ("uk", 44), ("france", 44)]:
    f(reg, None, "not_doing_max_pct", "2012", v, "deplacementspros-amex-2012",
      "Companies help but do not do their utmost; same question in the four countries. " + SEC)
f("france", None, "not_doing_max_pct", "2010", 49, "deplacementspros-amex-2011",
  "Companies do not do their utmost to keep customers (wording of the French 2010–2011 releases). " + SEC)
f("france", None, "not_doing_max_pct", "2011", 45, "deplacementspros-amex-2011",
  "Companies do not do their utmost to keep customers (wording of the French 2010–2011 releases). " + SEC)
f("uk", None, "taken_for_granted_pct", "2011", 30, "easier-amex-uk-2011", SEC)
f("france", None, "taken_for_granted_pct", "2011", 21, "deplacementspros-amex-2011", SEC)
f("canada", None, "pay_more_pct", "2011", 69, "amex-canada-2011", "Same question as the UK 2011 and France 2012.")
f("uk", None, "pay_more_pct", "2011", 68, "easier-amex-uk-2011", "Same question as Canada 2011. " + SEC)
f("france", None, "pay_more_pct", "2012", 57, "acuite-amex-2012", "Same question, one year after the UK and Canada. " + SEC)
f("usa", None, "pay_more_pct", "2010", 58, "amex-us-2011", "Year-ago value in the 2011 release.")
f("usa", None, "pay_more_pct", "2011", 70, "amex-us-2011", None)
f("usa", None, "pay_more_pct", "2015", 45, "warc-accenture-us-2016",
  "Accenture Global Consumer Pulse, not American Express: different survey and wording. " + SEC)
f("canada", None, "extra_spend_pct", "2010", 7, "amex-canada-2011", "Year-ago value in the 2011 release.")
f("canada", None, "extra_spend_pct", "2011", 12, "amex-canada-2011", None)
f("canada", None, "extra_spend_pct", "2012", 12, "amex-canada-2012",
  "Average of all respondents; those who used social media for service would spend 17 % more.")
f("france", None, "extra_spend_pct", "2012", 9, "acuite-amex-2012", SEC)
f("usa", None, "extra_spend_pct", "2010", 9, "amex-us-2011", "Year-ago value in the 2011 release.")
f("usa", None, "extra_spend_pct", "2011", 13, "amex-us-2011", None)
f("uk", None, "expectations_exceeded_pct", "2011", 2, "easier-amex-uk-2011", "Say companies exceed their service expectations. " + SEC)
f("canada", None, "expectations_exceeded_pct", "2014", 2, "amex-canada-2014", "Say companies exceed their service expectations.")
f("usa", None, "expectations_exceeded_pct", "2012", 7, "amex-us-2012",
  "Derived: 93 % say companies fail to exceed their expectations, so 7 % do not say so.", "Estimated")
f("uk", None, "walked_away_pct", "2011", 78, "easier-amex-uk-2011",
  "Ever decided against an intended purchase after poor service ('ever', not 'past year'). " + SEC)
f("france", None, "walked_away_pct", "2012", 42, "acuite-amex-2012",
  "Ever abandoned a purchase or transaction after a bad service experience ('ever'). " + SEC)
f("canada", None, "walked_away_pct", "2014", 57, "amex-canada-2014", "Walked away from a purchase in the past year.")
f("usa", None, "walked_away_pct", "2012", 55, "amex-us-2012", "Walked away from a purchase in the past year.")
f("france", None, "social_contact_pct", "2012", 10, "rcm-amex-2012",
  "Derived: 90 % never used social media to get a service response (same question as Canada 18 %, US 17 %). " + SEC, "Estimated")
f("usa", None, "social_contact_pct", "2012", 17, "amex-us-2012", "Used social media at least once in the past year to get a service response.")
f("france", None, "cs_decisive_pct", "2010", 85, "amex-france-2010", "Service quality decisive when choosing a company.")

# Zendesk Benchmark: pooled ratings (2012–2014) and account medians (from 2015)
for reg, v in [("canada", 93), ("uk", 83), ("france", 57), ("usa", 87)]:
    f(reg, None, "ticket_csat_pct", "2012-Q1", v, "engage-zendesk-2012",
      "First index, early 2012 (global 86 %); France bottom of the high-GDP list. " + SEC)
f("world", None, "ticket_csat_pct", "2012-Q1", 86, "engage-zendesk-2012", "Global value. " + SEC)
f("france", None, "ticket_csat_pct", "2012-03", 52, "zendesk-fr-2012-03",
  "French edition (countries with at least 100 ratings); conflicts with the 57 % of the English list, both kept.")
f("uk", None, "ticket_csat_pct", "2013-Q2", 87, "zendesk-uk-2013-08", "6th country.")
f("canada", None, "ticket_csat_pct", "2013-Q2", 91, "zendesk-uk-2013-08", None)
f("world", None, "ticket_csat_pct", "2013-Q2", 81, "zendesk-uk-2013-08", "Global value.")
f("uk", None, "ticket_csat_pct", "2013-Q3", 87, "zendesk-2013-q3", "6th country.")
f("canada", None, "ticket_csat_pct", "2013-Q3", 91, "zendesk-2013-q3", "1st, with Australia.")
f("world", None, "ticket_csat_pct", "2013-Q3", 82, "zendesk-2013-q3", "Global value.")
f("world", None, "ticket_csat_pct", "2013-Q4", 80, "zendesk-fr-2014-02", "Global value, down 2 points.")
f("canada", None, "ticket_csat_pct", "2014-Q1", 90, "smbnation-zendesk-2014", SEC)
f("world", None, "ticket_csat_pct", "2014-Q1", 81, "smbnation-zendesk-2014", "Global value. " + SEC)
f("france", None, "ticket_csat_pct", "2014-Q2", 81, "actimag-zendesk-2014", "21st country; same quarter as Canada. " + SEC)
f("canada", None, "ticket_csat_pct", "2014-Q2", 92, "actimag-zendesk-2014", SEC)
f("world", None, "ticket_csat_pct", "2014-Q2", 83, "actimag-zendesk-2014", "Global value (confirmed by Zendesk's German release).")
for reg, v, note in [("uk", 96.2, "4th country."), ("canada", 95.8, "5th country."), ("usa", 95.6, None), ("france", 93.6, "16th country.")]:
    f(reg, None, "ticket_csat_median_pct", "2015-Q2", v, "cyracom-zendesk-2015", ((note + " ") if note else "") + SEC)
f("world", None, "ticket_csat_median_pct", "2015-Q2", 94.94, "cyracom-zendesk-2015", "Global value, from Zendesk's blog.")
f("world", None, "ticket_csat_median_pct", "2014", 92.9, "zendesk-fr-2018", "Global value quoted for comparison in the 2018 post.")
f("world", None, "ticket_csat_median_pct", "2018", 89.5, "zendesk-fr-2018", "Global value (New Zealand 95.7 %).")

# Eptica (UK and France) and QualiWeb (France): mystery e-mails, tweets and web questions
f("uk", "email", "email_answered_pct", "2014", 41, "eptica-uk-2014", "100 leading UK companies. " + SEC)
f("uk", "email", "email_answered_pct", "2015", 39, "eptica-uk-2015", SEC)
f("france", "email", "email_answered_pct", "2000", 53, "rcm-qualiweb-2001",
  "Derived: 47 % of mystery e-mails left unanswered. " + SEC, "Estimated")
f("france", "email", "email_answered_pct", "2001", 50, "rcm-qualiweb-2001",
  "Derived: 50 % of mystery e-mails left unanswered. " + SEC, "Estimated")
f("france", "email", "email_answered_pct", "2004", 65, "rcm-qualiweb-2004", "Stable on 2003. " + SEC)
f("morocco", "email", "email_answered_pct", "2017", 12.5, "lematin-escda-maroc-2018",
  "Derived: midpoint of the printed 10–15 % of mystery e-mails and forms answered by participating companies. " + SEC, "Estimated")
f("france", "email", "email_relevant_pct", "2012", 28, "lmi-eptica-2014", "Year-ago value in the 2014 study. " + SEC)
f("france", "email", "email_relevant_pct", "2014", 59, "lmi-eptica-2014", SEC)
f("france", "email", "email_relevant_pct", "2015", 72, "topcom-eptica-2015", SEC)
f("france", "email", "email_same_day_pct", "2003", 43, "rcm-qualiweb-2004", SEC)
f("france", "email", "email_same_day_pct", "2004", 40, "rcm-qualiweb-2004", SEC)
f("uk", "email", "email_response_s", "2014", 61 * 3600 + 39 * 60, "eptica-uk-2014", "61 h 39 min, 100 leading UK companies. " + SEC)
f("uk", "email", "email_response_s", "2015", 29 * 3600 + 27 * 60, "eptica-uk-2015", "29 h 27 min. " + SEC)
f("uk", "twitter", "social_response_pct", "2014", 39, "eptica-uk-2014", "Eptica mystery tweets to 100 leading UK companies. " + SEC)
f("uk", "twitter", "social_response_pct", "2015", 41, "eptica-uk-2015", "Eptica mystery tweets. " + SEC)
f("uk", "web_self_service", "web_answered_pct", "2013", 53, "eptica-uk-2014", "Year-ago value in the 2014 study. " + SEC)
f("uk", "web_self_service", "web_answered_pct", "2014", 63, "eptica-uk-2014", SEC)
f("uk", "web_self_service", "web_answered_pct", "2015", 64, "eptica-uk-2015", SEC)
f("france", "web_self_service", "web_answered_pct", "2012", 78, "lmi-eptica-2014", "Year-ago value in the 2014 study. " + SEC)
f("france", "web_self_service", "web_answered_pct", "2014", 49, "lmi-eptica-2014",
  "Another Le Monde Informatique article on the same study gives 51 %. " + SEC)
for ch, v in [("phone", 93), ("email", 81), ("chat", 7.3), ("web_self_service", 34), ("facebook", 69), ("twitter", 57)]:
    note = {"web_self_service": "Web self-service offered (12 % in 2012).", "facebook": "Link to Facebook (62 % in 2012).",
            "twitter": "Link to Twitter (46 % in 2012); 84 % have an account."}.get(ch, "Contact means shown on the site.")
    src = "collaboratif-eptica-2014" if ch in ("web_self_service", "facebook", "twitter") else "lmi-eptica-2014"
    f("france", ch, "channel_offered_pct", "2014", v, src, "110 leading French companies. " + note + " " + SEC)
for ch, v in [("web_self_service", 12), ("facebook", 62), ("twitter", 46)]:
    f("france", ch, "channel_offered_pct", "2012", v, "collaboratif-eptica-2014", "Year-ago value in the 2014 study. " + SEC)
f("france", "email", "channel_offered_pct", "2015", 75, "topcom-eptica-2015", "Sites offering an e-mail address or form. " + SEC)
f("uk", "email", "channel_offered_pct", "2011", 87, "eptica-uk-2014",
  "Derived: 13 % of the brands could not be reached by e-mail in 2011. " + SEC, "Estimated")
f("uk", "email", "channel_offered_pct", "2014", 71, "eptica-uk-2014",
  "Derived: 29 % of the brands could not be reached by e-mail. " + SEC, "Estimated")
f("uk", "twitter", "channel_offered_pct", "2014", 76, "eptica-uk-2014", "Brands reachable on Twitter. " + SEC)

# ESCDA observatoires: France (BVA) 2010 and 2020, Morocco 2021
for ch, v in [("phone", 76), ("in_person", 34), ("web_self_service", 23), ("email", 17), ("post", 11)]:
    f("france", ch, "channel_pref_multi_pct", "2010", v, "sensduclient-escda-2011",
      "Several answers allowed (total 161 %); 'internet' shown as web. " + SEC)
f("france", "email", "channel_use_pct", "2020", 56, "bva-observatoire-2020", "E-mail first channel for the first time.")
f("france", "phone", "channel_use_pct", "2020", 55, "bva-observatoire-2020", "Same question as 2016.")
f("france", None, "contacted_cs_pct", "2010", 75, "sensduclient-escda-2011", "Printed as 'three in four'. " + SEC)
f("france", None, "cs_matters_pct", "2010", 64, "sensduclient-escda-2011",
  "Say service quality matters for their loyalty or purchases. " + SEC)
f("morocco", None, "cs_matters_pct", "2021", 92, "escda-maroc-2021",
  "Say customer-relations quality directly influences (re)purchase; wording differs from France 2010. " + SEC)

# UK: ICS, ContactBabel
f("uk", None, "csi_index", "2007-H1", 66, "tlf-ukcsi-2007", "Pilot UKCSI wave, May–June 2007; the regular series starts later.")
f("uk", None, "prefer_service_pct", "2020-H1", 25.9, "ics-ukcsi-2020-01", "UKCSI January 2020.")
f("uk", None, "prefer_service_pct", "2021-H2", 32, "ics-ukcsi-2021-07", "UKCSI July 2021.")
f("uk", None, "prefer_service_pct", "2022-H2", 35, "dailymail-ukcsi-2022", "UKCSI July 2022; wording differs slightly by edition. " + SEC)
f("uk", None, "problem_pct", "2022-H1", 16.4, "complainingcow-ukcsi-2022", "UKCSI January 2022. " + SEC)
f("uk", None, "problem_pct", "2022-H2", 17.3, "complainingcow-ukcsi-2022", "UKCSI July 2022, highest since 2008. " + SEC)
f("uk", "phone", "asa_s", "2022", 106, "linkedin-contactbabel-2023", "Prior-year value in the 2023 report. " + SEC)
f("uk", "phone", "abandon_pct", "2022", 8.2, "linkedin-contactbabel-2023", "Prior-year value in the 2023 report. " + SEC)
f("uk", "phone", "agent_salary_eur", "2017", 19929, "ecccsa-contactbabel-2018",
  "New agent (experienced: 22,799 EUR). 'Western Europe ex-UK' (19,853) is not France and is not used. " + SEC)
f("usa", "phone", "agent_salary_eur", "2017", 26172, "ecccsa-contactbabel-2018", "New agent (experienced: 30,946 EUR). " + SEC)

# Contact-centre industry: cost, pay, turnover, size (France and the Maghreb)
f("france", "phone", "agent_hour_price_eur", "2004", 23, "liberation-2004",
  "Derived: midpoint of the printed 22–24 EUR for French provinces (Paris region: 30–34). " + SEC, "Estimated")
f("morocco", "phone", "agent_hour_price_eur", "2004", 16, "liberation-2004",
  "Derived: midpoint of the printed 14–18 EUR charged to French clients for an hour produced in Morocco (producer cost about 7). " + SEC,
  "Estimated")
f("france", "phone", "agent_hour_price_eur", "2010", 25.5, "lesechos-2010",
  "Derived: midpoint of the printed 24–27 EUR for an outsourced agent in France (in-house EDF, SFR: 55–80). " + SEC, "Estimated")
f("tunisia", "phone", "agent_pay_eur", "2006", 270, "wmc-tunisie-2006", "Net monthly pay, 450 TND; same article as France's 1,200 EUR.")
f("france", "phone", "agent_pay_eur", "2006", 1200, "wmc-tunisie-2006", "Net monthly pay quoted by the Tunisian article (ratio 1 : 4).")
f("tunisia", "phone", "agent_pay_eur", "2005", 300, "wmc-tunisie-2005", "Typical net monthly pay of a graduate agent, about 300 EUR (450 TND).")
f("morocco", "phone", "agent_pay_eur", "2003", 325, "maghress-2003",
  "Derived: midpoint of the printed 250–400 EUR net monthly pay (about 600 EUR all-in cost). " + SEC, "Estimated")
f("france", "phone", "agent_turnover_pct", "2010", 30, "bladi-webhelp-2010", "About 30 % in France vs 9–10 % on offshore sites (an operator's view, interview of about 2009–2010). " + SEC)
f("tunisia", "phone", "agent_turnover_pct", "2009", 10, "wmc-tunisie-2009", "10 % in Tunisia vs 23 % abroad. " + SEC)
for reg, per, v, src, note in [
    ("france", "2004", 210000, "liberation-2004", "AFRC figure; about 9,000 of them offshored."),
    ("france", "2006", 250000, "bladi-afp-2006", "Same report as Morocco, Tunisia and Senegal 2006."),
    ("france", "2010", 260000, "lesechos-2010", "AFRC estimate including in-house centres."),
    ("uk", "2010", 1000000, "lesechos-2010", "Printed as 'nearly one million' (AFRC estimate quoted by Les Échos)."),
    ("morocco", "2003", 4000, "maghress-2003", "Multi-client centres."),
    ("morocco", "2004", 7200, "lavieeco-amrc-2010", "ANRT figure for 2004."),
    ("morocco", "2006", 25000, "bladi-afp-2006", "About 25,000; ANRT counts 17,500 at the end of 2006 (next value)."),
    ("morocco", "2006-12", 17500, "yabiladi-anrt-2006", "ANRT study, end of 2006."),
    ("morocco", "2009-12", 28000, "lavieeco-amrc-2010", "End of 2009 (AMRC and ANRT)."),
    ("morocco", "2011", 35000, "rcm-offshore-2012", "About 35,000 (2010–11)."),
    ("tunisia", "2005", 2200, "wmc-tunisie-2005", None),
    ("tunisia", "2006", 8000, "bladi-afp-2006", "About 8,000."),
    ("tunisia", "2007-H1", 8000, "wmc-tunisie-2007", "About 8,000 in offshore centres (FIPA)."),
    ("tunisia", "2009", 17000, "wmc-tunisie-2009", None),
    ("tunisia", "2011", 18000, "rcm-offshore-2012", "2010–11, Chambre syndicale des centres d'appels tunisiens."),
    ("tunisia", "2020-03", 25000, "jeuneafrique-tunisie-2020", "Externalys figure."),
    ("algeria", "2008", 4000, "djazairess-arpt-2008", "About 4,000 employees (about 2,500 positions)."),
    ("algeria", "2008-Q1", 4000, "almanach-dz-2008", "About 4,000 jobs (800 positions per the minister)."),
]:
    f(reg, "phone", "cc_jobs_count", per, v, src, ((note + " ") if note else "") + SEC)
for reg, per, v, src, note in [
    ("france", "2006", 3500, "bladi-afp-2006", None),
    ("morocco", "2003", 12, "maghress-2003", "About 12 multi-client centres."),
    ("morocco", "2004", 60, "lavieeco-amrc-2010", "ANRT: 60 operators in 2004."),
    ("morocco", "2006", 100, "bladi-afp-2006", "About 100; ANRT counts 137 at the end of 2006 (next value)."),
    ("morocco", "2006-12", 137, "yabiladi-anrt-2006", "ANRT study, end of 2006."),
    ("morocco", "2009-12", 260, "lavieeco-amrc-2010", "End of 2009."),
    ("tunisia", "2005", 27, "wmc-tunisie-2005", "16 of them foreign-owned."),
    ("tunisia", "2006", 100, "bladi-afp-2006", "About 100."),
    ("tunisia", "2007-H1", 102, "wmc-tunisie-2007", "Offshore centres (130 expected at the end of 2007)."),
    ("tunisia", "2009", 200, "wmc-tunisie-2009", "About 200 operators."),
    ("algeria", "2006", 6, "djazairess-arpt-2008", None),
    ("algeria", "2008", 26, "djazairess-arpt-2008", None),
    ("algeria", "2008-Q1", 24, "almanach-dz-2008", "Authorised providers."),
]:
    f(reg, "phone", "call_centres_count", per, v, src, ((note + " ") if note else "") + SEC)
f("france", "phone", "cc_fte_outsourced_count", "2019", 27300, "insee-2022",
  "Full-time equivalents in the outsourced call-centre sector (NAF 82.20Z) only; two thirds women, half under 35.")

# Maghreb accessibility tests and complaints
f("tunisia", "phone", "phone_answered_pct", "2015-01", 51, "directinfo-inc-2015",
  "Derived: 23 of the 45 toll-free lines tested answered. " + SEC, "Estimated")
f("tunisia", "phone", "phone_answered_pct", "2017", 62, "wmc-inc-2018", "Previous-year value in the 2018 INC release. " + SEC)
f("tunisia", "phone", "phone_answered_pct", "2018", 26, "wmc-inc-2018", "12 of 47 toll-free lines of firms and ministries. " + SEC)
f("morocco", None, "telecom_complaints_count", "2022-Q1", 170, "telquel-anrt-2023", "Complaints received by ANRT in Q1. " + SEC)
f("morocco", None, "telecom_complaints_count", "2023-Q1", 362, "telquel-anrt-2023", "Complaints received by ANRT in Q1 (+112 %). " + SEC)
f("morocco", None, "telecom_complaints_count", "2023", 1348, "le360-anrt-2023", "Year total; 75 % resolved, 12 days on average. " + SEC)
f("canada", None, "telecom_complaints_count", "2019", 19300, "ledevoir-ccts-2019",
  "CCTS year 2018–19 (assigned to its closing year), about 19,300, up 35 %. " + SEC)
f("canada", None, "telecom_complaints_count", "2021", 17003, "lapresse-ccts-2021",
  "CCTS year 2020–21 (assigned to its closing year), up 9 %; 88 % resolved to the customer's satisfaction. " + SEC)
f("canada", None, "telecom_complaints_count", "2023", 14617, "ccts-2022-23", "CCTS year 2022–23 (assigned to its closing year), up 14 %.")

# Forrester Canada CX Index (main reference file, not yet bundled)
f("canada", None, "cx_index", "2018", 66.0, "message-forrester-2019",
  "Derived: the 2019 average of 67.2 was 1.2 points up on a year earlier. " + SEC, "Estimated")
f("canada", None, "cx_index", "2019", 67.2, "message-forrester-2019", "Average of the brands rated. " + SEC)
f("canada", None, "cx_index", "2021", 68.6, "newsbreak-forrester-2021", "Average of comparable brands; Forrester blog text reposted. " + SEC)

# ------------------------------------------------------------------ sector and company figures
# Kept apart: written only when the format has the segment dimension (see gen_benchmark.py).
SEGMENT_FIGURES = []
