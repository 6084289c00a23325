//! The catalogue rows of the load errors' details, kept apart so that the catalogue file
//! stays short: the syntax errors of the RON parser ([`crate::io::syntax`]), the validation
//! problems ([`crate::io::validate::ProblemKind`]) and the import errors
//! ([`crate::io::import::ImportError`], [`crate::io::import::CellError`]). They are rows of the
//! one [`super::Msg`] table: `error_rows! { strings; <other rows> }` hands every row to
//! `strings!`.

/// Appends the error rows to the rows it is given and passes them all to `$table!`.
macro_rules! error_rows {
    ($table:ident; $($rows:tt)*) => {
        $table! {
            $($rows)*
        // --- syntax errors (io::SyntaxProblem): the RON parser's common errors ---
        ErrSyntax => "{}:{}:{}: {}", "{}:{}:{} : {}";
        SynNotUtf8 => "the file is not valid UTF-8 text (RON files must be saved as UTF-8)", "le contenu n'est pas du texte UTF-8 valide (les fichiers RON s'enregistrent en UTF-8)";
        SynEof => "unexpected end of the text", "fin du texte atteinte trop tôt (une parenthèse ou un crochet n'est pas refermé ?)";
        SynExpectedToken => "expected `{}`", "il faut ici `{}`";
        SynExpectedValue => "expected {}", "il faut ici {}";
        SynBoolean => "a boolean (true or false)", "un booléen (true ou false)";
        SynInteger => "an integer", "un nombre entier";
        SynNumber => "a number", "un nombre";
        SynString => "a quoted string", "une chaîne entre guillemets";
        SynIdentifier => "a name", "un nom";
        SynStruct => "a value in parentheses", "une valeur entre parenthèses";
        SynNamedStruct => "expected `{}(…)`", "il faut ici `{}(…)`";
        SynStructName => "`{}` instead of `{}`", "`{}` au lieu de `{}`";
        SynUnexpectedChar => "unexpected character `{}`", "caractère inattendu `{}`";
        SynTrailing => "text after the end of the data", "du texte suit la fin des données";
        SynUnclosedComment => "a comment is not closed", "un commentaire n'est pas refermé";
        SynTooDeep => "the values are nested too deeply", "les valeurs sont imbriquées trop profondément";
        SynWithin => " in `{}`", " dans `{}`";
        SynMissingField => "field `{}` is missing{}", "il manque le champ `{}`{}";
        SynDuplicateField => "field `{}` is given twice{}", "le champ `{}` apparaît deux fois{}";
        SynNoSuchField => "no field `{}`{}; the fields are {}", "le champ `{}` n'existe pas{} ; les champs possibles sont {}";
        SynNoSuchVariant => "no value `{}`{}; the values are {}", "la valeur `{}` n'existe pas{} ; les valeurs possibles sont {}";
        SynRaw => "{}", "erreur de syntaxe (détail de l'analyseur, en anglais) : {}";
        // --- validation problems (io::validate::ProblemKind, ValidationReport) ---
        WordPractice => "practice", "pratique";
        ReportCount => "{} problem(s)", "{} problème(s)";
        ProbUnknownId => "unknown {0} id `{1}`", "identifiant `{1}` inconnu ({0})";
        ProbDuplicateId => "duplicate {0} id `{1}` (already defined)", "identifiant `{1}` défini deux fois ({0})";
        ProbBadId => "invalid id `{}`: ids use lowercase letters, digits, `_` and `-` only", "identifiant `{}` incorrect : un identifiant ne contient que des minuscules, des chiffres, `_` et `-`";
        ProbOutOfRange => "value {} is outside the range of indicator `{}` ({})", "la valeur {} sort des bornes de l'indicateur `{}` ({})";
        RangeBetween => "{} to {}", "de {} à {}";
        RangeAtLeast => "at least {}", "au moins {}";
        RangeAtMost => "at most {}", "au plus {}";
        PlacesObservations => "observations {}", "observations {}";
        PlacesRows => "rows {}", "lignes {}";
        NumbersInAll => "{}, … ({} in all)", "{}, … ({} en tout)";
        RangeAny => "any finite number", "tout nombre fini";
        ProbBadMargin => "margin {} is not a margin of error: expected a finite number of at least 0, in the unit of the value", "la marge {} n'est pas une marge d'erreur : il faut un nombre fini supérieur ou égal à 0, dans l'unité de la valeur";
        ProbMixOver100 => "the channel shares add up to {} %, more than 100 %", "les parts des canaux totalisent {} %, plus de 100 %";
        ProbMissingSource => "no source: every observation needs `source: \"<source id>\"`", "aucune source : chaque observation doit avoir `source: \"<id de la source>\"`";
        ProbMissingGrade => "no grade: every observation needs `grade: Measured`, `Estimated` or `Illustrative`", "aucune qualité : chaque observation doit avoir `grade: Measured`, `Estimated` ou `Illustrative`";
        ProbPracticeWithoutSource => "no source: every practice needs `source: \"<source id>\"`", "aucune source : chaque pratique doit avoir `source: \"<id de la source>\"`";
        ProbPracticeWithoutRegion => "no region: a practice needs at least one region", "aucune région : une pratique doit concerner au moins une région";
        ProbBadAdoption => "adoption level {} is outside 0–3", "le niveau d'adoption {} sort de l'intervalle 0–3";
        ProbBadUnitRange => "unit range is empty: min {} must be below max {}", "l'intervalle de l'unité est vide : le minimum {} doit être inférieur au maximum {}";
        ProbSchemaTooNew => "schema_version {} is newer than this program reads ({}); update servicescope", "schema_version {} est plus récent que ce que ce programme sait lire ({}) ; mettez servicescope à jour";
        ProbDuplicateObservation => "the same region, channel, segment, indicator, period and source is given {} times ({}); keep one", "la même région, le même canal, segment, indicateur, période et source apparaissent {} fois ({}) ; n'en gardez qu'une";
        // --- import errors (io::import::ImportError, CellError) ---
        ImpCannotRead => "cannot read the file: {}", "impossible de lire le fichier : {}";
        ImpTooLarge => "the file is {} bytes; imports are limited to {} bytes", "le fichier fait {} octets ; les imports sont limités à {} octets";
        ImpNotRegular => "this is {}, not a regular file; expected a data file", "ce n'est pas un fichier ordinaire ({}) ; un fichier de données est attendu";
        ImpEmpty => "the file is empty: expected a header row (e.g. `Région;Année;Valeur`) and data rows", "le fichier est vide : il faut une ligne d'en-têtes (par ex. `Région;Année;Valeur`) puis des lignes de données";
        ImpNotTextLike => "this is not a text (CSV) file: it looks like {}; open workbooks as .xlsx/.ods, or save the sheet as CSV", "ce n'est pas un fichier texte (CSV) : il ressemble à {} ; ouvrez les classeurs en .xlsx/.ods, ou enregistrez la feuille en CSV";
        LooksZip => "a ZIP archive (an .xlsx or .ods workbook?)", "une archive ZIP (un classeur .xlsx ou .ods ?)";
        LooksXls => "an old Excel .xls workbook", "un ancien classeur Excel .xls";
        LooksPdf => "a PDF document", "un document PDF";
        ImpNotTextAt => "this is not a text (CSV) file: binary data at byte {}; expected text with one record per line", "ce n'est pas un fichier texte (CSV) : données binaires à l'octet {} ; il faut du texte, un enregistrement par ligne";
        ImpProblems => "{} problem(s) in the file:", "{} problème(s) dans le fichier :";
        ImpProblemsFix => "Fix them, or set `bad_rows: Skip` in the mapping to leave malformed rows out (each is then listed).", "Corrigez-les, ou mettez `bad_rows: Skip` dans la correspondance pour écarter les lignes mal formées (chacune est alors listée).";
        ImpMissingColumn => "no column for the {0}: the headers are [{1}]; name the column in the mapping file (`columns: ({0}: \"…\")`) or give a constant (`constants: ({0}: \"…\")`)", "aucune colonne pour le rôle {0} : les en-têtes sont [{1}] ; nommez la colonne dans le fichier de correspondance (`columns: ({0}: \"…\")`) ou donnez une constante (`constants: ({0}: \"…\")`)";
        ImpUnknownColumn => "the mapping names the column \"{}\" for the {}, but the headers are [{}]", "la correspondance désigne la colonne « {} » pour le rôle {}, mais les en-têtes sont [{}]";
        ImpMapping => "mapping {}: {}", "correspondance {} : {}";
        ImpWorkbook => "cannot read the workbook: {}", "impossible de lire le classeur\u{a0}: {}";
        ImpNoSheet => "no sheet named \"{}\"; the sheets are [{}]", "aucune feuille nommée « {} » ; les feuilles sont [{}]";
        ImpSourceMissing => "the source `{}` of the imported values is not in the dataset; expected it among the sources", "la source `{}` des valeurs importées n'est pas dans le jeu de données ; elle doit figurer parmi les sources";
        ImpCancelled => "import cancelled", "import annulé";
        ImpAndMore => "… and {} more", "… et {} de plus";
        ImpUnresolved => "{} unknown {} name(s):", "{} nom(s) de {} non reconnu(s) :";
        ImpUnresolvedName => "\"{}\" (first at {})", "« {} » (première occurrence : {})";
        ImpDidYouMean => " — did you mean {}?", " — vouliez-vous dire {} ?";
        ImpOr => " or ", " ou ";
        ImpMapEachName => "Map each name to an id in the mapping file (`<data file>.mapping.ron` or --mapping), e.g. `{}: {{}}`", "Associez chaque nom à un identifiant dans le fichier de correspondance (`<fichier de données>.mapping.ron` ou --mapping), par ex. `{}: {{}}`";
        ImpDeclareRegions => ", declare new ones under `new_regions: [...]`, or set `unknown_regions: Create`.", ", déclarez les nouvelles sous `new_regions: [...]`, ou mettez `unknown_regions: Create`.";
        ImpDeclareIndicators => ", declare new ones under `new_indicators: [...]`, or set `unknown_indicators: Create`.", ", déclarez les nouveaux sous `new_indicators: [...]`, ou mettez `unknown_indicators: Create`.";
        ImpDeclareSegments => ", declare new ones under `new_segments: [...]`, or set `unknown_segments: Create`.", ", déclarez les nouveaux sous `new_segments: [...]`, ou mettez `unknown_segments: Create`.";
        CellInSheet => "sheet \"{}\", cell {} (column {}{}): {}", "feuille « {} », cellule {} (colonne {}{}) : {}";
        CellInText => "row {}{}, column {} ({}){}: {}", "ligne {}{}, colonne {} ({}){} : {}";
        CellLineNote => " (line {})", " (ligne {} du texte)";
        CellRef => "cell {}", "cellule {}";
        CellAt => "row {}{}, column {} ({})", "ligne {}{}, colonne {} ({})";
        ShownNumber => "the number {}", "le nombre {}";
        ShownEmpty => "an empty cell", "une case vide";
        ShownSheetError => "the spreadsheet error {}", "l'erreur de tableur {}";
        CellNotANumber => "found {}; expected a number (12.5, 12,5 or 1 234,5) or a missing value (empty, NA, n/a, -, ..)", "{} ; il faut ici un nombre (12.5, 12,5 ou 1 234,5) ou une valeur absente (vide, NA, n/a, -, ..)";
        CellNumberOrEmpty => "found {}; expected a number or an empty cell", "{} ; il faut ici un nombre ou une case vide";
        CellNotAPeriod => "found {}; expected a period: a year (2016), a half (2016-H1), a quarter (2016-Q3) or a month (2016-07), 1900–2100", "{} ; il faut ici une période : une année (2016), un semestre (2016-H1), un trimestre (2016-Q3) ou un mois (2016-07), 1900–2100";
        CellTooLong => "this cell holds {} bytes; cells are limited to {} bytes, headers included (an unclosed quote can swallow the rest of a file)", "cette case contient {} octets\u{a0}; une case, en-tête compris, est limitée à {} octets (un guillemet non refermé peut avaler toute la suite du fichier)";
        CellFieldCount => "this row has {0} field(s) but the header row has {1}; expected {1} fields separated by {2} (check for a missing or extra {2}, or an unclosed quote)", "cette ligne a {0} champ(s) mais la ligne d’en-têtes en a {1}\u{a0}; il faut ici {1} champs séparés par {2} (vérifiez s’il manque un {2} ou s’il y en a un de trop, ou si un guillemet n’est pas refermé)";
        DelimiterTab => "tab", "caractère de tabulation";
        CellHeaderNotAPeriod => "`{}` is not a period: expected a year (2016), a half (2016-H1), a quarter (2016-Q3) or a month (2016-07), with a year from 1900 to 2100 (wide-years layout: each value column is a period)", "`{}` n’est pas une période\u{a0}: il faut ici une année (2016), un semestre (2016-H1), un trimestre (2016-Q3) ou un mois (2016-07), avec une année de 1900 à 2100 (disposition WideYears\u{a0}: chaque colonne de valeurs est une période)";
        CellNoRegion => "found {}; expected a region name, id or code (map blank cells with `regions: {\"\": \"<region id>\"}`)", "{}\u{a0}; il faut ici un nom, un identifiant ou un code de région (associez les cases vides à une région avec `regions: {\"\": \"<id de la région>\"}`)";
        CellNoIndicator => "found {}; expected an indicator name or id", "{}\u{a0}; il faut ici un nom ou un identifiant d’indicateur";
        CellNotADateFormat => "found {}; expected a date in the form `{}` (period_from)", "{}\u{a0}; il faut ici une date de la forme `{}` (period_from)";
        CellNotADate => "found {}; expected a date such as 2024-03-05, 05/03/2024 or 2024-03-05T14:02:11Z, from 1900 to 2100 (else give period_from a format)", "{}\u{a0}; il faut ici une date comme 2024-03-05, 05/03/2024 ou 2024-03-05T14:02:11Z, de 1900 à 2100 (sinon, donnez un format à period_from)";
        CellNotAGrade => "found {}; expected a grade: Measured, Estimated or Illustrative (mesuré, estimé, illustratif)", "{}\u{a0}; il faut ici une qualité\u{a0}: mesuré, estimé ou illustratif (Measured, Estimated, Illustrative)";
        CellUnknownSource => "found the source id `{}`, which is not defined; expected the id of a known source, or an empty cell for the import's own source", "l’identifiant de source `{}` n’est pas défini\u{a0}; il faut ici l’identifiant d’une source connue, ou une case vide pour la source propre à l’import";
        CellNotASampleSize => "found {}; expected a whole number of respondents or contacts", "{}\u{a0}; il faut ici un nombre entier de répondants ou de contacts";
        CellNotAMargin => "found {}; expected a margin of error: a finite number of at least 0, or a missing value", "{}\u{a0}; il faut ici une marge d’erreur\u{a0}: un nombre fini supérieur ou égal à 0, ou une valeur absente";
        CellOutOfRange => "the value {} is outside the range of indicator `{}` ({})", "la valeur {} sort des bornes de l’indicateur `{}` ({})";
        CellObservationRefused => "observation refused: its {0} index {1} is past the {2} {0} records of this dataset", "observation refusée\u{a0}: l’index {1} de {0} dépasse les {2} enregistrements de ce type du jeu de données";
        CellNoMessageId => "found an empty cell; expected the message id", "une case vide\u{a0}; il faut ici l’identifiant du message";
        CellNoMessageTime => "found an empty cell; expected the date and time of the message", "une case vide\u{a0}; il faut ici la date et l’heure du message";
        CellNoTicketKey => "found an empty cell; expected the ticket key", "une case vide\u{a0}; il faut ici la clé du ticket";
        CellNoQueueTime => "found an empty cell; expected the seconds spent in queue", "une case vide\u{a0}; il faut ici le nombre de secondes passées en attente";
        CellNotAFlag => "found {}; expected true/false, yes/no or 1/0 (sent by the customer?)", "{}\u{a0}; il faut ici vrai/faux, oui/non ou 1/0 (message envoyé par le client\u{a0}?)";
        CellNotWholeInRange => "found {}; expected a whole number from {} to {}", "{}\u{a0}; il faut ici un nombre entier de {} à {}";
        CellNotADuration => "found {}; expected a duration: seconds (95 or 95.5), mm:ss or hh:mm:ss, from 0 to {} days", "{}\u{a0}; il faut ici une durée\u{a0}: un nombre de secondes (95 ou 95.5), mm:ss ou hh:mm:ss, de 0 à {} jours";
        CellUnknownOutcome => "found {}; expected `answered` or `abandoned` (or répondu / abandonné), or a code named in `outcomes: {\"CODE\": Answered}`", "{}\u{a0}; il faut ici `répondu` ou `abandonné` (ou answered / abandoned), ou un code déclaré dans `outcomes: {\"CODE\": Answered}`";
        CellNotADateTimeFormat => "found {}; expected a date and time in the form `{}` (timestamp_format)", "{}\u{a0}; il faut ici une date et une heure de la forme `{}` (timestamp_format)";
        CellNotADateTime => "found {}; expected a date and time such as 2024-03-05 14:02, 2024-03-05T14:02:11Z, 05/03/2024 14:02 or Tue Oct 31 22:10:47 +0000 2017 (else set timestamp_format)", "{}\u{a0}; il faut ici une date et une heure comme 2024-03-05 14:02, 2024-03-05T14:02:11Z, 05/03/2024 14:02 ou Tue Oct 31 22:10:47 +0000 2017 (sinon, renseignez timestamp_format)";
        CellUnknownName => "unknown {} name `{}`", "nom de {} non reconnu\u{a0}: `{}`";
        WbNotASpreadsheet => "the file is damaged or is not a spreadsheet: {} (expected an .xlsx, .xls, .xlsb or .ods workbook); open it in a spreadsheet program and save it again", "le fichier est endommagé ou n’est pas un classeur (détail du lecteur, en anglais\u{a0}: {})\u{a0}; il faut un classeur .xlsx, .xls, .xlsb ou .ods\u{a0}; ouvrez-le dans un tableur et enregistrez-le de nouveau";
        WbAfterCell => " after cell {}", " après la cellule {}";
        WbSheetUnreadable => "the file is damaged: sheet \"{}\" cannot be read{}: {}; open it in a spreadsheet program and save it again", "le fichier est endommagé\u{a0}: la feuille «\u{a0}{}\u{a0}» ne peut pas être lue{} (détail du lecteur, en anglais\u{a0}: {})\u{a0}; ouvrez-le dans un tableur et enregistrez-le de nouveau";
        WbTooManyCells => "sheet \"{}\" holds more than {} cells, the limit of an import; save the part you need as CSV or in a smaller sheet", "la feuille «\u{a0}{}\u{a0}» contient plus de {} cellules, la limite d’un import\u{a0}; enregistrez la partie utile en CSV ou dans une feuille plus petite";
        WbNoSheet => "the workbook has no sheet", "le classeur n’a aucune feuille";
        WbTextRecord => "row {}{}: {}", "ligne {}{} (détail de l’analyseur CSV, en anglais)\u{a0}: {}";
        WbDamaged => "the file is damaged or is not a spreadsheet: {}; open it in a spreadsheet program and save it again", "le fichier est endommagé ou n’est pas un classeur\u{a0}: {}\u{a0}; ouvrez-le dans un tableur et enregistrez-le de nouveau";
        WbRefused => "the file is refused: {}. Save the sheet you need as CSV, or split the workbook", "le fichier est refusé\u{a0}: {}. Enregistrez la feuille utile en CSV, ou scindez le classeur";
        WbZipEntry => "entry {} of the zip archive: {}", "entrée {} de l’archive zip (détail, en anglais\u{a0}: {})";
        WbPart => "part `{}`: {}", "partie `{}` (détail, en anglais\u{a0}: {})";
        WbXml => "part `{}` is not well-formed XML near byte {}: {}", "la partie `{}` n’est pas du XML bien formé vers l’octet {} (détail, en anglais\u{a0}: {})";
        WbTooDeep => "part `{}` nests elements more than 256 deep", "la partie `{}` imbrique des éléments sur plus de 256 niveaux";
        WbTextInRow => "part `{}` has {} bytes of text directly inside a table row, where only cells belong", "la partie `{}` contient {} octets de texte directement dans une ligne de tableau, où seules des cellules ont leur place";
        WbInTable => " in table \"{}\"", " du tableau «\u{a0}{}\u{a0}»";
        WbCutShort => "part `{}` ends before the element <{}>{} is closed (the file is cut short)", "la partie `{}` s’arrête avant la fermeture de l’élément <{}>{} (le fichier est tronqué)";
        WbBadRepeat => "the attribute {} holds `{}`, expected a whole number", "l’attribut {} contient `{}`, il faut un nombre entier";
        WbBadAttribute => "attribute of <{}>: {}", "attribut de <{}> (détail, en anglais\u{a0}: {})";
        WbDeclared => "its parts declare {} bytes once uncompressed, over the limit of {} bytes ({} MiB)", "ses parties annoncent {} octets une fois décompressées, au-delà de la limite de {} octets ({} Mio)";
        WbInflates => "it inflates to more than the limit of {} bytes ({} MiB; part `{}`)", "une fois décompressé, il dépasse la limite de {} octets ({} Mio\u{a0}; partie `{}`)";
        WbBomb => "part `{}` inflates from {} to {} bytes, more than {} times (a decompression bomb)", "la partie `{}` passe de {} à {} octets une fois décompressée, plus de {} fois (une bombe de décompression)";
        WbTable => "table \"{}\" expands to {} rows × {} columns = {} cells once repeated rows and columns are counted (limit {} cells in all)", "le tableau «\u{a0}{}\u{a0}» s’étend sur {} lignes × {} colonnes = {} cellules une fois les lignes et colonnes répétées comptées (limite de {} cellules en tout)";
        MapNotUtf8 => "{}:{}: the file is not valid UTF-8 text (save it as UTF-8)", "{}:{}\u{a0}: le fichier n’est pas du texte UTF-8 valide (enregistrez-le en UTF-8)";
        MapAt => "{}:{}: {}", "{}:{}\u{a0}: {}";
        }
    };
}
pub(crate) use error_rows;
