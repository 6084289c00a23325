//! Every kind of cell error the import's row engine raises says its detail in French
//! (issue 14): a table of small crafted files, each imported with the message read in
//! French (the cell named, the detail French, no English word) and in English (the text
//! exactly as it was before the details were typed).

use crate::fixtures::french::english_words_in;
use servicescope::i18n::Lang;
use servicescope::io::import::cell_detail::CellDetail;
use servicescope::io::import::{self, CellError, ImportError, ImportOptions, Mapping};
use servicescope::io::{self, benchmark};
use std::path::Path;

/// One crafted file and the error it must give.
struct Case {
    /// File name (its extension picks the reader).
    file: &'static str,
    text: String,
    /// The mapping's RON (`None`: guessed from the headers).
    mapping: Option<&'static str>,
    /// Row and column (1-based) of the faulty cell.
    at: (usize, usize),
    /// The English detail, byte for byte as the row engine wrote it before.
    en: String,
    /// A French piece of the detail.
    fr: &'static str,
}

fn case(
    file: &'static str,
    text: &str,
    mapping: Option<&'static str>,
    at: (usize, usize),
    en: &str,
    fr: &'static str,
) -> Case {
    Case {
        file,
        text: text.to_owned(),
        mapping,
        at,
        en: en.to_owned(),
        fr,
    }
}

const LONG_WITH: &str = r#"Mapping(columns: (region: "region", indicator: "indicator", period: "period", value: "value", note: "note", grade: "grade", source: "source", sample_size: "n", margin: "margin"))"#;
const PERIOD_FROM: &str = r#"Mapping(columns: (region: "region", indicator: "indicator", value: "value", period: ""), period_from: (column: "date", bucket: Year))"#;
const PERIOD_FROM_FORMAT: &str = r#"Mapping(columns: (region: "region", indicator: "indicator", value: "value", period: ""), period_from: (column: "date", format: "%d.%m.%Y", bucket: Year))"#;
const WIDE_YEARS: &str = r#"Mapping(layout: WideYears, columns: (region: "region", indicator: "indicator"), value_columns: ["2016", "soon"])"#;
const CONTACTS: &str = r#"Mapping(layout: ContactLog, columns: (queue_s: "queue_s", service_s: "service_s", outcome: "outcome", timestamp: "timestamp", customer: ""), constants: (region: "uk", channel: "phone", period: "2016-03"))"#;
const CONTACTS_FORMAT: &str = r#"Mapping(layout: ContactLog, columns: (queue_s: "queue_s", service_s: "service_s", outcome: "outcome", timestamp: "timestamp", customer: ""), constants: (region: "uk", channel: "phone", period: "2016-03"), timestamp_format: "%d/%m/%Y %H:%M")"#;
const SURVEY: &str = r#"Mapping(layout: SurveyAnswers, columns: (recommend: "recommend"), constants: (region: "uk", period: "2016"))"#;
const THREADS: &str = r#"Mapping(layout: Threads, columns: (message_id: "id", reply_to: "reply", inbound: "inbound", created_at: "at", account: ""), constants: (region: "uk", period: "2017"))"#;
const TICKETS: &str = r#"Mapping(layout: Tickets, columns: (ticket: "ticket", opened_at: "opened", state: "", resolved_at: "", event_at: ""), constants: (region: "uk", period: "2017"))"#;

const LONG_HEAD: &str = "region,indicator,period,value,note,grade,source,n,margin\n";
const LOG_HEAD: &str = "timestamp,queue_s,service_s,outcome\n";

fn cases() -> Vec<Case> {
    let long = |row: &str| format!("{LONG_HEAD}{row}\n");
    let x70k = "x".repeat(70_000);
    vec![
        case(
            "a.csv",
            "region,indicator,period,value\nuk,nps,2016,douze\n",
            None,
            (2, 4),
            "found `douze`; expected a number (12.5, 12,5 or 1 234,5) or a missing value (empty, NA, n/a, -, ..)",
            "il faut ici un nombre",
        ),
        case(
            "a.csv",
            "region,indicator,period,value\nuk,nps,someday,3\n",
            None,
            (2, 3),
            "found `someday`; expected a period: a year (2016), a half (2016-H1), a quarter (2016-Q3) or a month (2016-07), 1900–2100",
            "il faut ici une période",
        ),
        case(
            "a.csv",
            &long(&format!("uk,nps,2016,3,{x70k},,,,")),
            Some(LONG_WITH),
            (2, 5),
            "this cell holds 70000 bytes; cells are limited to 65536 bytes, headers included (an unclosed quote can swallow the rest of a file)",
            "cette case contient 70000 octets",
        ),
        case(
            "a.csv",
            &format!("region,{x70k},period,value\nuk,nps,2016,3\n"),
            None,
            (1, 2),
            "this cell holds 70000 bytes; cells are limited to 65536 bytes, headers included (an unclosed quote can swallow the rest of a file)",
            "est limitée à 65536 octets",
        ),
        case(
            "a.csv",
            "region,indicator,period,value\nuk,nps,2016,3,9\n",
            None,
            (2, 5),
            "this row has 5 field(s) but the header row has 4; expected 4 fields separated by `,` (check for a missing or extra `,`, or an unclosed quote)",
            "il faut ici 4 champs séparés par `,`",
        ),
        case(
            "a.tsv",
            "region\tindicator\tperiod\tvalue\nuk\tnps\t2016\t3\nuk\tnps\t2017\n",
            None,
            (3, 4),
            "this row has 3 field(s) but the header row has 4; expected 4 fields separated by tab (check for a missing or extra tab, or an unclosed quote)",
            "séparés par caractère de tabulation",
        ),
        case(
            "a.csv",
            "indicator,region,2016,soon\nnps,uk,3,4\n",
            Some(WIDE_YEARS),
            (1, 4),
            "`soon` is not a period: expected a year (2016), a half (2016-H1), a quarter (2016-Q3) or a month (2016-07), with a year from 1900 to 2100 (wide-years layout: each value column is a period)",
            "`soon` n’est pas une période",
        ),
        case(
            "a.csv",
            "region,indicator,period,value\n,nps,2016,3\n",
            None,
            (2, 1),
            // a blank text cell is shown as empty backticks, as before
            "found ``; expected a region name, id or code (map blank cells with `regions: {\"\": \"<region id>\"}`)",
            "``\u{a0}; il faut ici un nom, un identifiant ou un code de région",
        ),
        case(
            "a.csv",
            "region,indicator,period,value\nuk,,2016,3\n",
            None,
            (2, 2),
            "found ``; expected an indicator name or id",
            "un nom ou un identifiant d’indicateur",
        ),
        case(
            "a.csv",
            "region,indicator,date,value\nuk,nps,someday,3\n",
            Some(PERIOD_FROM),
            (2, 3),
            "found `someday`; expected a date such as 2024-03-05, 05/03/2024 or 2024-03-05T14:02:11Z, from 1900 to 2100 (else give period_from a format)",
            "il faut ici une date comme",
        ),
        case(
            "a.csv",
            "region,indicator,date,value\nuk,nps,someday,3\n",
            Some(PERIOD_FROM_FORMAT),
            (2, 3),
            "found `someday`; expected a date in the form `%d.%m.%Y` (period_from)",
            "une date de la forme `%d.%m.%Y`",
        ),
        case(
            "a.csv",
            &long("uk,nps,2016,3,,maybe,,,"),
            Some(LONG_WITH),
            (2, 6),
            "found `maybe`; expected a grade: Measured, Estimated or Illustrative (mesuré, estimé, illustratif)",
            "il faut ici une qualité",
        ),
        case(
            "a.csv",
            &long("uk,nps,2016,3,,,nosuch,,"),
            Some(LONG_WITH),
            (2, 7),
            "found the source id `nosuch`, which is not defined; expected the id of a known source, or an empty cell for the import's own source",
            "l’identifiant de source `nosuch` n’est pas défini",
        ),
        case(
            "a.csv",
            &long("uk,nps,2016,3,,,,2.5,"),
            Some(LONG_WITH),
            (2, 8),
            "found `2.5`; expected a whole number of respondents or contacts",
            "nombre entier de répondants",
        ),
        case(
            "a.csv",
            &long("uk,nps,2016,3,,,,,-1"),
            Some(LONG_WITH),
            (2, 9),
            "found `-1`; expected a margin of error: a finite number of at least 0, or a missing value",
            "une marge d’erreur",
        ),
        case(
            "a.csv",
            "region,indicator,period,value\nuk,nps,2016,140\n",
            None,
            (2, 4),
            "the value 140 is outside the range of indicator `nps` (-100 to 100)",
            "la valeur 140 sort des bornes de l’indicateur `nps` (de -100 à 100)",
        ),
        case(
            "log.csv",
            &format!("{LOG_HEAD}2016-02-31 10:00,30,100,answered\n"),
            Some(CONTACTS),
            (2, 1),
            "found `2016-02-31 10:00`; expected a date and time such as 2024-03-05 14:02, 2024-03-05T14:02:11Z, 05/03/2024 14:02 or Tue Oct 31 22:10:47 +0000 2017 (else set timestamp_format)",
            "il faut ici une date et une heure comme",
        ),
        case(
            "log.csv",
            &format!("{LOG_HEAD}tomorrow,30,100,answered\n"),
            Some(CONTACTS_FORMAT),
            (2, 1),
            "found `tomorrow`; expected a date and time in the form `%d/%m/%Y %H:%M` (timestamp_format)",
            "une date et une heure de la forme `%d/%m/%Y %H:%M`",
        ),
        case(
            "log.csv",
            &format!("{LOG_HEAD}2016-03-01 10:00,1e308,100,answered\n"),
            Some(CONTACTS),
            (2, 2),
            "found `1e308`; expected a duration: seconds (95 or 95.5), mm:ss or hh:mm:ss, from 0 to 400 days",
            "il faut ici une durée",
        ),
        case(
            "log.csv",
            &format!("{LOG_HEAD}2016-03-01 10:00,,100,answered\n"),
            Some(CONTACTS),
            (2, 2),
            "found an empty cell; expected the seconds spent in queue",
            "le nombre de secondes passées en attente",
        ),
        case(
            "log.csv",
            &format!("{LOG_HEAD}2016-03-01 10:00,30,100,maybe\n"),
            Some(CONTACTS),
            (2, 4),
            "found `maybe`; expected `answered` or `abandoned` (or répondu / abandonné), or a code named in `outcomes: {\"CODE\": Answered}`",
            "un code déclaré dans",
        ),
        case(
            "survey.csv",
            "recommend,comment\n11,x\n",
            Some(SURVEY),
            (2, 1),
            "found `11`; expected a whole number from 0 to 10",
            "il faut ici un nombre entier de 0 à 10",
        ),
        case(
            "threads.csv",
            "id,reply,inbound,at\n1,,maybe,2017-10-31 22:10\n",
            Some(THREADS),
            (2, 3),
            "found `maybe`; expected true/false, yes/no or 1/0 (sent by the customer?)",
            "vrai/faux, oui/non ou 1/0",
        ),
        case(
            "threads.csv",
            "id,reply,inbound,at\n,,true,2017-10-31 22:10\n",
            Some(THREADS),
            (2, 1),
            "found an empty cell; expected the message id",
            "l’identifiant du message",
        ),
        case(
            "threads.csv",
            "id,reply,inbound,at\n1,,true,\n",
            Some(THREADS),
            (2, 4),
            "found an empty cell; expected the date and time of the message",
            "la date et l’heure du message",
        ),
        case(
            "threads.csv",
            "id,reply,inbound,at\n1,,true,31/10/2017 at ten\n",
            Some(THREADS),
            (2, 4),
            "found `31/10/2017 at ten`; expected a date and time such as 2024-03-05 14:02, 2024-03-05T14:02:11Z, 05/03/2024 14:02 or Tue Oct 31 22:10:47 +0000 2017 (else set timestamp_format)",
            "il faut ici une date et une heure comme",
        ),
        case(
            "tickets.csv",
            "ticket,opened\n,2017-10-31 22:10\n",
            Some(TICKETS),
            (2, 1),
            "found an empty cell; expected the ticket key",
            "la clé du ticket",
        ),
    ]
}

fn import_case(path: &Path, mapping: Option<&Mapping>) -> ImportError {
    let base = benchmark::catalog().expect("catalogue");
    let opts = ImportOptions {
        mapping,
        sheet: None,
    };
    match import::import_path(&base, path, opts, None) {
        Ok(_) => panic!("{}: imported, expected a cell error", path.display()),
        Err(e) => e,
    }
}

/// The first faulty cell of an import error.
fn first_cell(err: &ImportError) -> &CellError {
    match err {
        ImportError::Cell(c) => c,
        ImportError::Problems { problems, .. } => &problems[0],
        other => panic!("expected a cell error, got {other}"),
    }
}

#[test]
fn every_cell_error_of_the_row_engine_is_french_and_its_english_unchanged() {
    for c in cases() {
        let (_d, path) = crate::fixtures::data::temp_file(c.file, &c.text);
        let mapping = c
            .mapping
            .map(|m| Mapping::from_ron(m).unwrap_or_else(|e| panic!("{m}: {e}")));
        let err = import_case(&path, mapping.as_ref());
        let cell = first_cell(&err);
        let (row, column) = c.at;
        assert_eq!((cell.row, cell.column), c.at, "{}: {err}", c.en);
        // English: exactly the text it was, after the cell's place
        assert_eq!(cell.message, c.en);
        let en = cell.message(Lang::En);
        assert!(
            en.starts_with(&format!("row {row}, column {column} (")),
            "{en}"
        );
        assert!(en.ends_with(&format!(": {}", c.en)), "{en}");
        assert_eq!(cell.to_string(), en);
        // French: the place and the detail in French, no English left
        let fr = cell.message(Lang::Fr);
        assert!(
            fr.starts_with(&format!("ligne {row}, colonne {column} (")),
            "{fr}"
        );
        assert!(fr.contains(c.fr), "{fr}\n(expected {:?})", c.fr);
        assert!(!fr.contains("anglais"), "{fr}");
        assert_eq!(english_words_in(&fr), Vec::<&str>::new(), "{fr}");
        // the whole import error carries the French cell message
        assert!(
            err.message(Lang::Fr).contains(&fr),
            "{}",
            err.message(Lang::Fr)
        );
    }
}

#[test]
fn a_workbook_cell_error_names_sheet_and_cell_in_french() {
    use rust_xlsxwriter::Workbook;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("data.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Données").expect("name");
    for (c, h) in ["region", "indicator", "period", "value", "grade"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, c as u16, *h).expect("write");
    }
    ws.write_string(1, 0, "uk").expect("w");
    ws.write_string(1, 1, "nps").expect("w");
    ws.write_number(1, 2, 2016).expect("w");
    ws.write_number(1, 3, 12).expect("w");
    ws.write_string(1, 4, "peut-être").expect("w");
    wb.save(&path).expect("save xlsx");
    let m = Mapping::from_ron(
        r#"Mapping(columns: (region: "region", indicator: "indicator", period: "period", value: "value", grade: "grade"))"#,
    )
    .expect("mapping");
    let err = import_case(&path, Some(&m));
    let cell = first_cell(&err);
    assert_eq!(cell.cell_ref(), "E2");
    assert_eq!(
        cell.message(Lang::En),
        "sheet \"Données\", cell E2 (column E \"grade\"): found `peut-être`; expected a grade: Measured, Estimated or Illustrative (mesuré, estimé, illustratif)"
    );
    assert_eq!(
        cell.message(Lang::Fr),
        "feuille « Données », cellule E2 (colonne E \"grade\") : `peut-être`\u{a0}; il faut ici une qualité\u{a0}: mesuré, estimé ou illustratif (Measured, Estimated, Illustrative)"
    );
}

#[test]
fn an_unknown_name_is_located_and_said_in_french() {
    let (_d, path) = crate::fixtures::data::temp_file(
        "a.csv",
        "region,indicator,period,value\nuk,nps,2016,3\nAtlantide,nps,2016,4\n",
    );
    let err = import_case(&path, None);
    let ImportError::Unresolved { names, .. } = &err else {
        panic!("{err}")
    };
    let at = &names[0].first_seen;
    assert_eq!((at.row, at.column), (3, 1));
    assert_eq!(at.message, "unknown region name `Atlantide`");
    let fr = at.message(Lang::Fr);
    assert!(
        fr.starts_with(
            "ligne 3, colonne 1 (A) \"region\" : nom de région non reconnu\u{a0}: `Atlantide`"
        ),
        "{fr}"
    );
    assert_eq!(english_words_in(&fr), Vec::<&str>::new(), "{fr}");
}

#[test]
fn details_no_file_can_raise_still_have_their_french() {
    // a refused observation (an index past its table: a bug of the row engine, not of the
    // file) keeps the model's English text and has its French
    let e = servicescope::model::UnknownIndex {
        what: "region",
        position: 7,
        len: 4,
    };
    let d = CellDetail::ObservationRefused(e);
    assert_eq!(d.message(Lang::En), e.to_string());
    let fr = d.message(Lang::Fr);
    assert!(fr.contains("l’index 7 de région dépasse les 4"), "{fr}");
    assert_eq!(english_words_in(&fr), Vec::<&str>::new(), "{fr}");
    // a wide-years header: the period parser's own English text, then the layout's note
    let p = servicescope::model::Period::parse("soon").expect_err("not a period");
    let d = CellDetail::HeaderNotAPeriod("soon".into());
    assert_eq!(
        d.message(Lang::En),
        format!("{p} (wide-years layout: each value column is a period)")
    );
}

#[test]
fn a_load_error_of_a_raw_log_is_french_through_the_loader() {
    let (_d, path) = crate::fixtures::data::temp_file(
        "log.csv",
        &format!("{LOG_HEAD}2016-03-01 10:00,30,100,answered\n"),
    );
    // no mapping beside the file: the loader guesses a contact log without a region, so
    // write the mapping beside it
    let m = Mapping::from_ron(CONTACTS).expect("mapping");
    m.save_beside(&path, true).expect("save mapping");
    std::fs::write(
        &path,
        format!(
            "{LOG_HEAD}2016-03-01 10:00,30,100,answered\n2016-03-01 11:00,abc:def,5,answered\n"
        ),
    )
    .expect("write");
    let err = io::load::load_path(&benchmark::catalog().expect("catalog"), &path)
        .expect_err("a bad duration");
    let fr = err.message(Lang::Fr);
    assert!(
        fr.contains("ligne 3, colonne 2 (B) \"queue_s\" : `abc:def`\u{a0}; il faut ici une durée"),
        "{fr}"
    );
    assert!(!fr.contains("anglais"), "{fr}");
    assert!(
        err.message(Lang::En).contains(
            "row 3, column 2 (B) \"queue_s\": found `abc:def`; expected a duration: seconds (95 or 95.5), mm:ss or hh:mm:ss, from 0 to 400 days"
        ),
        "{err}"
    );
}

#[test]
fn workbook_problems_are_french_around_the_readers_own_detail() {
    use servicescope::io::import::workbook_problem::{Damage, Refusal, WorkbookProblem};
    // not a workbook at all: the reader's detail is kept, the sentence around it is French
    let (_d, path) = crate::fixtures::data::temp_file("bad.xlsx", "this is not a workbook\n");
    let err = import_case(&path, None);
    assert!(
        matches!(
            &err,
            ImportError::Workbook(WorkbookProblem::NotASpreadsheet(_))
        ),
        "{err}"
    );
    let en = err.message(Lang::En);
    assert!(
        en.starts_with("cannot read the workbook: the file is damaged or is not a spreadsheet: "),
        "{en}"
    );
    assert!(
        en.ends_with("(expected an .xlsx, .xls, .xlsb or .ods workbook); open it in a spreadsheet program and save it again"),
        "{en}"
    );
    let fr = err.message(Lang::Fr);
    assert!(
        fr.starts_with("impossible de lire le classeur\u{a0}: le fichier est endommagé ou n’est pas un classeur (détail du lecteur, en anglais\u{a0}: "),
        "{fr}"
    );
    assert!(fr.contains("ouvrez-le dans un tableur"), "{fr}");
    // a decompression bomb: every word French, the numbers kept
    let bomb = WorkbookProblem::Refused(Refusal::Bomb {
        part: "xl/worksheets/sheet1.xml".into(),
        compressed_bytes: 1000,
        size_bytes: 5_000_000,
    });
    assert_eq!(
        bomb.message(Lang::En),
        "the file is refused: part `xl/worksheets/sheet1.xml` inflates from 1000 to 5000000 bytes, more than 200 times (a decompression bomb). Save the sheet you need as CSV, or split the workbook"
    );
    let fr = bomb.message(Lang::Fr);
    assert!(fr.contains("passe de 1000 à 5000000 octets"), "{fr}");
    assert_eq!(english_words_in(&fr), Vec::<&str>::new(), "{fr}");
    // a cut-short ODS part names the element and the table in French
    let cut = WorkbookProblem::Damaged(Damage::CutShort {
        part: "content.xml".into(),
        element: "office:body".into(),
        table: Some("Données".into()),
    });
    assert_eq!(
        cut.message(Lang::En),
        "the file is damaged or is not a spreadsheet: part `content.xml` ends before the element <office:body> in table \"Données\" is closed (the file is cut short); open it in a spreadsheet program and save it again"
    );
    let fr = cut.message(Lang::Fr);
    assert!(fr.contains("du tableau «\u{a0}Données\u{a0}»"), "{fr}");
    assert_eq!(english_words_in(&fr), Vec::<&str>::new(), "{fr}");
}

#[test]
fn mapping_file_problems_are_french_with_their_line_and_column() {
    use servicescope::io::import::mapping_problem::MappingProblem;
    let (dir, data) = crate::fixtures::data::temp_file(
        "data.csv",
        "region,indicator,period,value\nuk,nps,2016,3\n",
    );
    let mapping = dir.path().join("data.csv.mapping.ron");
    // a comma missing between two fields, line 2
    std::fs::write(&mapping, "Mapping(\n  layout: Long\n  sheet: None,\n)\n").expect("write");
    let err = import_case(&data, None);
    let ImportError::Mapping { problem, .. } = &err else {
        panic!("{err}")
    };
    let MappingProblem::Syntax { line, .. } = problem else {
        panic!("{problem:?}")
    };
    assert_eq!(*line, 3);
    let fr = err.message(Lang::Fr);
    assert!(fr.starts_with("correspondance "), "{fr}");
    assert!(fr.ends_with("3:3\u{a0}: il faut ici `,`"), "{fr}");
    assert!(
        err.message(Lang::En).contains(".mapping.ron: 3:3: "),
        "{err}"
    );
    // not UTF-8: the place of the first bad byte, in French
    std::fs::write(&mapping, b"Mapping(\n  sheet: \"caf\xe9\",\n)\n").expect("write");
    let err = import_case(&data, None);
    let fr = err.message(Lang::Fr);
    assert!(
        fr.ends_with(
            "2:14\u{a0}: le fichier n’est pas du texte UTF-8 valide (enregistrez-le en UTF-8)"
        ),
        "{fr}"
    );
    assert!(
        err.message(Lang::En)
            .ends_with("2:14: the file is not valid UTF-8 text (save it as UTF-8)"),
        "{err}"
    );
}
