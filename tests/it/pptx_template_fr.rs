//! A `--template` presentation that cannot be used is refused in the reader's language: the
//! French message names the file and says the case in French (a library's own detail kept,
//! marked as English), the English text is the one the command line always gave.

use crate::fixtures::data::benchmark;
use crate::fixtures::pptx::{every_kind, options};
use servicescope::export::ExportError;
use servicescope::export::pptx::template::{self, TemplateError, TemplateProblem};
use servicescope::export::pptx::{ChartMode, PptxOptions, SlideInput};
use servicescope::i18n::Lang;
use std::io::Write;
use std::path::{Path, PathBuf};

/// What a template needs to be a PowerPoint package, said after most refusals.
const EXPECTED: &str = "expected a PowerPoint presentation or template (.pptx, .potx) saved by PowerPoint, LibreOffice Impress or Keynote";

/// Content type of a presentation's main part.
const PRESENTATION: &str =
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml";

/// Content type of a slide layout.
const LAYOUT: &str = "application/vnd.openxmlformats-officedocument.presentationml.slideLayout+xml";

/// Words of the English messages that a French one must not hold (whole words, any case),
/// besides the shared list of `fixtures::french` ("presentation" is left out: part names
/// such as `ppt/presentation.xml` hold it).
const ENGLISH_WORDS: [&str; 8] = [
    "part", "not", "layout", "no", "none", "its", "cannot", "template",
];

/// A zip archive of `parts` (name, bytes), stored in `dir` as `name`.
fn zip_file(dir: &Path, name: &str, parts: &[(&str, &[u8])]) -> PathBuf {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (part, bytes) in parts {
        zip.start_file(*part, zip::write::SimpleFileOptions::default())
            .expect("entry");
        zip.write_all(bytes).expect("bytes");
    }
    let bytes = zip.finish().expect("zip").into_inner();
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write");
    path
}

/// `[Content_Types].xml` declaring a presentation and one slide layout.
fn content_types() -> String {
    format!(
        "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/ppt/presentation.xml\" ContentType=\"{PRESENTATION}\"/><Override PartName=\"/ppt/slideLayouts/slideLayout1.xml\" ContentType=\"{LAYOUT}\"/></Types>"
    )
}

const PRESENTATION_XML: &str = "<p:presentation xmlns:p=\"p\" xmlns:r=\"r\"><p:sldMasterIdLst/><p:sldSz cx=\"9144000\" cy=\"6858000\"/></p:presentation>";

const PRESENTATION_RELS: &str = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/slideLayout\" Target=\"slideLayouts/slideLayout1.xml\"/></Relationships>";

/// A layout with a body placeholder only (no title).
const UNTITLED_LAYOUT: &str = "<p:sldLayout xmlns:p=\"p\"><p:cSld><p:spTree><p:sp><p:nvSpPr><p:nvPr><p:ph type=\"body\" idx=\"1\"/></p:nvPr></p:nvSpPr></p:sp></p:spTree></p:cSld></p:sldLayout>";

/// A layout with a title placeholder.
const TITLED_LAYOUT: &str = "<p:sldLayout xmlns:p=\"p\"><p:cSld><p:spTree><p:sp><p:nvSpPr><p:nvPr><p:ph type=\"title\"/></p:nvPr></p:nvSpPr></p:sp></p:spTree></p:cSld></p:sldLayout>";

/// The refusal of the template at `path`.
fn refusal(path: &Path) -> TemplateError {
    match template::read(path) {
        Err(e) => e,
        Ok(_) => panic!("{} was accepted", path.display()),
    }
}

/// Checks the French message of `e`: it names the file, puts a no-break space before its
/// colons, holds no English word outside the library's `detail` (if any) and no straight
/// apostrophe.
fn check_french(e: &TemplateError, detail: Option<&str>) -> String {
    let fr = e.message(Lang::Fr);
    let path = e.path.display().to_string();
    assert!(fr.starts_with(&format!("{path}\u{a0}: ")), "{fr}");
    let mut said = fr[path.len()..].to_owned();
    if let Some(detail) = detail {
        assert!(said.contains(detail), "the detail is kept: {fr}");
        assert!(said.contains("en anglais"), "the detail is marked: {fr}");
        said = said.replace(detail, "");
    }
    let english = crate::fixtures::french::english_words_in(&said);
    assert!(english.is_empty(), "English words {english:?} in {fr}");
    let words: Vec<String> = said
        .split(|c: char| !c.is_alphanumeric() && c != '_')
        .map(str::to_lowercase)
        .collect();
    for w in ENGLISH_WORDS {
        assert!(!words.iter().any(|x| x == w), "English word {w:?} in {fr}");
    }
    assert!(!said.contains('\''), "straight apostrophe in {fr}");
    assert!(!said.contains(" :") && !said.contains(" ;"), "{fr}");
    // the app's export error says the same
    let export = ExportError::Template(refusal(&e.path));
    assert_eq!(export.message(Lang::Fr), fr);
    fr
}

#[test]
fn a_file_that_is_not_a_zip_is_refused_in_french() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("notes.pptx");
    std::fs::write(&path, "just text").expect("write");
    let e = refusal(&path);
    let detail = "invalid Zip archive: Could not find EOCD";
    assert_eq!(
        e.to_string(),
        format!(
            "{}: not a zip package ({detail}); {EXPECTED}",
            path.display()
        )
    );
    assert_eq!(e.message(Lang::En), e.to_string());
    let fr = check_french(&e, Some(detail));
    assert!(fr.contains("archive zip"), "{fr}");
    assert!(fr.contains("PowerPoint (.pptx, .potx)"), "{fr}");
}

#[test]
fn a_zip_without_content_types_is_refused_in_french() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = zip_file(
        dir.path(),
        "bare.pptx",
        &[("ppt/presentation.xml", PRESENTATION_XML.as_bytes())],
    );
    let e = refusal(&path);
    assert_eq!(
        e.to_string(),
        format!("{}: no [Content_Types].xml; {EXPECTED}", path.display())
    );
    assert_eq!(e.message(Lang::En), e.to_string());
    let fr = check_french(&e, None);
    assert!(fr.contains("[Content_Types].xml"), "{fr}");
}

#[test]
fn a_part_that_is_not_utf8_is_refused_in_french() {
    let dir = tempfile::tempdir().expect("tempdir");
    let types = content_types();
    let path = zip_file(
        dir.path(),
        "latin1.pptx",
        &[
            ("[Content_Types].xml", types.as_bytes()),
            ("ppt/presentation.xml", b"<p:presentation>pr\xe9sentation"),
        ],
    );
    let e = refusal(&path);
    assert_eq!(
        e.to_string(),
        format!(
            "{}: part `ppt/presentation.xml` is not UTF-8 text; {EXPECTED}",
            path.display()
        )
    );
    assert_eq!(e.message(Lang::En), e.to_string());
    let fr = check_french(&e, None);
    assert!(fr.contains("`ppt/presentation.xml`"), "{fr}");
    assert!(fr.contains("UTF-8"), "{fr}");
}

#[test]
fn a_package_without_a_titled_layout_is_refused_in_french() {
    let dir = tempfile::tempdir().expect("tempdir");
    let types = content_types();
    let path = zip_file(
        dir.path(),
        "untitled.pptx",
        &[
            ("[Content_Types].xml", types.as_bytes()),
            ("ppt/presentation.xml", PRESENTATION_XML.as_bytes()),
            (
                "ppt/_rels/presentation.xml.rels",
                PRESENTATION_RELS.as_bytes(),
            ),
            (
                "ppt/slideLayouts/slideLayout1.xml",
                UNTITLED_LAYOUT.as_bytes(),
            ),
        ],
    );
    let e = refusal(&path);
    assert_eq!(
        e.to_string(),
        format!(
            "{}: none of its slide layouts has a title placeholder; add a \"Title Only\" or \"Title and Content\" layout to the template",
            path.display()
        )
    );
    assert_eq!(e.message(Lang::En), e.to_string());
    let fr = check_french(&e, None);
    assert!(fr.contains("«\u{a0}Titre seul\u{a0}»"), "{fr}");
}

#[test]
fn a_missing_file_is_refused_in_french() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("absent.potx");
    let e = refusal(&path);
    assert_eq!(
        e.to_string(),
        format!(
            "{}: cannot read the file: No such file or directory (os error 2)",
            path.display()
        )
    );
    // the app says the system's error in words of the catalogue
    assert_eq!(
        e.message(Lang::En),
        format!(
            "{}: cannot read the file: file or folder not found",
            path.display()
        )
    );
    let fr = check_french(&e, None);
    assert!(fr.contains("introuvable"), "{fr}");
}

#[test]
fn broken_xml_keeps_the_parser_detail_marked_in_french() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = zip_file(
        dir.path(),
        "broken.pptx",
        &[(
            "[Content_Types].xml",
            b"<Types><Default Extension=\"xml\"></Type>",
        )],
    );
    let e = refusal(&path);
    let detail = "ill-formed document: expected `</Default>`, but `</Type>` was found";
    assert_eq!(
        e.to_string(),
        format!(
            "{}: [Content_Types].xml: XML error at byte 32: {detail}",
            path.display()
        )
    );
    assert_eq!(e.message(Lang::En), e.to_string());
    let fr = check_french(&e, Some(detail));
    assert!(fr.contains("octet 32"), "{fr}");
}

#[test]
fn a_presentation_part_without_slide_lists_is_refused_in_french_when_slides_are_added() {
    let dir = tempfile::tempdir().expect("tempdir");
    let types = content_types();
    // read as a template, but with no slide size nor master list end to put slides by
    let pres = "<p:presentation xmlns:p=\"p\"><p:sldMasterIdLst/></p:presentation>";
    let path = zip_file(
        dir.path(),
        "odd.pptx",
        &[
            ("[Content_Types].xml", types.as_bytes()),
            ("ppt/presentation.xml", pres.as_bytes()),
            (
                "ppt/_rels/presentation.xml.rels",
                PRESENTATION_RELS.as_bytes(),
            ),
            (
                "ppt/slideLayouts/slideLayout1.xml",
                TITLED_LAYOUT.as_bytes(),
            ),
        ],
    );
    let ds = benchmark();
    let figs = every_kind(&ds);
    let slides = [SlideInput {
        fig: &figs[0],
        options: options(),
        citations: Vec::new(),
    }];
    let opts = PptxOptions {
        charts: ChartMode::Native,
        template: Some(path.clone()),
    };
    let Err(ExportError::Template(e)) = servicescope::export::pptx::render_pptx(&slides, &opts)
    else {
        panic!("the template was used")
    };
    assert!(matches!(e.problem, TemplateProblem::NoSlideLists), "{e}");
    assert_eq!(
        e.to_string(),
        format!(
            "{}: its presentation part has no slide master list or slide size where PowerPoint puts them; save it again in PowerPoint",
            path.display()
        )
    );
    let fr = ExportError::Template(e).message(Lang::Fr);
    assert_eq!(
        fr,
        format!(
            "{}\u{a0}: sa partie de présentation n’a pas de liste des masques ni de taille des diapositives là où PowerPoint les place\u{a0}; enregistrez-le de nouveau dans PowerPoint",
            path.display()
        )
    );
}
