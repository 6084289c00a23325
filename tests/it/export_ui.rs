//! The export dialog driven by widget labels with egui_kittest (no window, no GPU).

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use servicescope::app::errors::StatusLine;
use servicescope::app::export_dialog::{ExportDialog, Preset};
use servicescope::app::state;
use servicescope::chart::{self, Locale};
use servicescope::export::{Background, Format};
use servicescope::model::{Dataset, Lang};

struct State {
    dialog: ExportDialog,
    dataset: Dataset,
    open: bool,
}

/// The export dialog on the bundled benchmark's start chart in `lang`, in a 900 × 900 window.
fn harness(lang: Lang) -> Harness<'static, State> {
    harness_with(lang, Locale::for_lang(lang))
}

/// The export dialog in interface language `lang` for a chart labelled in `locale`.
fn harness_with(lang: Lang, locale: Locale) -> Harness<'static, State> {
    let state = State {
        dialog: ExportDialog::new(state::default_spec(), locale),
        dataset: crate::fixtures::data::benchmark(),
        open: true,
    };
    crate::fixtures::ui::widget_harness([900.0, 900.0], state, move |ui, s: &mut State| {
        if s.open {
            s.open = s.dialog.show(ui.ctx(), &s.dataset, lang);
        }
    })
}

/// What the app does when the save dialog gave no file: the path field, holding `path`.
fn offer_path(h: &mut Harness<'static, State>, path: &std::path::Path) {
    h.state_mut()
        .dialog
        .no_file_chosen(path.display().to_string());
    h.run();
}

/// Clicks the path field's save button (`label`) and waits for the write.
fn save_typed(h: &mut Harness<'static, State>, label: &str) {
    h.get_by_label(label).click();
    h.step();
    h.state_mut().dialog.wait();
    h.run();
}

/// Width and height recorded in a PNG's IHDR chunk.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "PNG signature");
    assert_eq!(&bytes[12..16], b"IHDR");
    let be =
        |at: usize| u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    (be(16), be(20))
}

#[test]
fn shows_a_preview_and_switches_to_4k() {
    let mut h = harness(Lang::En);
    let s = h.state();
    let title = &s.dialog.figure().expect("figure built").title;
    assert!(title.contains("Channels used"), "{title}");
    // 16:9 slide at 150 DPI by default; the preview keeps its aspect ratio
    let (opts, format, locale) = s.dialog.options().expect("valid options");
    assert_eq!((opts.size.width_px, opts.size.height_px), (2000, 1125));
    assert_eq!((format, locale), (Format::Png, Locale::EnGb));
    assert_eq!(s.dialog.preview_size(), Some((640, 360)));
    h.get_by_label("Export preview");
    h.get_by_label("2000 × 1125 px, 150 DPI");

    h.get_by_label("4K (3840 × 2160)").click();
    h.run();
    let s = h.state();
    assert_eq!(s.dialog.settings.preset, Preset::FourK);
    let (opts, _, _) = s.dialog.options().expect("valid options");
    assert_eq!((opts.size.width_px, opts.size.height_px), (3840, 2160));
    assert_eq!(s.dialog.preview_size(), Some((640, 360)));

    h.get_by_label("Square").click();
    h.run();
    h.get_by_label("300 DPI").click();
    h.run();
    let s = h.state();
    let (opts, _, _) = s.dialog.options().expect("valid options");
    assert_eq!(
        (opts.size.width_px, opts.size.height_px, opts.size.dpi),
        (2250, 2250, 300)
    );
    assert_eq!(s.dialog.preview_size(), Some((640, 640)));

    // "Done" closes the dialog
    h.get_by_label("Done").click();
    h.run();
    assert!(!h.state().open);
}

#[test]
fn french_locale_rebuilds_the_figure_in_french() {
    let mut h = harness(Lang::En);
    let english = h.state().dialog.figure().expect("figure").title.clone();
    h.get_by_label("Français (fr-FR)").click();
    h.run();
    let s = h.state();
    let fig = s.dialog.figure().expect("figure");
    assert_eq!(fig.locale, Locale::FrFr);
    let expected = chart::build(&s.dataset, &state::default_spec(), Locale::FrFr).title;
    assert_eq!(fig.title, expected);
    assert_ne!(fig.title, english);
    assert_eq!(s.dialog.options().expect("options").2, Locale::FrFr);
    let name = s.dialog.default_file_name(&s.dataset);
    assert!(name.ends_with(".png") && name.is_ascii(), "{name}");
    assert!(!name.contains(' '), "{name}");

    // the interface language only changes the dialog's own strings
    let h = harness(Lang::Fr);
    h.get_by_label("Copier l'image");
    assert_eq!(h.state().dialog.options().expect("options").2, Locale::FrFr);
}

#[test]
fn save_to_writes_png_of_the_chosen_size_and_svg_with_the_title() {
    let mut h = harness(Lang::En);
    let dir = tempfile::tempdir().expect("tempdir");

    h.get_by_label("Custom (px)").click();
    h.run();
    let s = h.state_mut();
    s.dialog.settings.custom_px = (1200, 500);
    let png = dir.path().join("chart.png");
    let State {
        dialog, dataset, ..
    } = s;
    dialog.save_to(dataset, &png).expect("PNG saved");
    let bytes = std::fs::read(&png).expect("read PNG");
    assert_eq!(png_size(&bytes), (1200, 500));
    match dialog.status() {
        Some(StatusLine::Done(text)) => assert!(
            text.starts_with("Saved to") && text.contains("chart.png"),
            "{text}"
        ),
        other => panic!("status {other:?}"),
    }
    h.run();
    h.get_by_label(&format!("Saved to {}", png.display()));

    h.get_by_label("SVG").click();
    h.run();
    let s = h.state_mut();
    assert_eq!(s.dialog.options().expect("options").1, Format::Svg);
    let svg_path = dir.path().join(s.dialog.default_file_name(&s.dataset));
    assert!(svg_path.to_string_lossy().ends_with(".svg"));
    let State {
        dialog, dataset, ..
    } = s;
    dialog.save_to(dataset, &svg_path).expect("SVG saved");
    let svg = std::fs::read_to_string(&svg_path).expect("read SVG");
    assert!(
        svg.starts_with("<svg") || svg.starts_with("<?xml"),
        "{}",
        &svg[..40]
    );
    assert!(svg.contains("Channels used"), "title in SVG");

    // a path that cannot be written gives an error, not a panic
    let bad = dir.path().join("missing-dir").join("x.svg");
    let err = dialog
        .save_to(dataset, &bad)
        .expect_err("no such directory");
    let shown = err.shown(Lang::En);
    assert!(shown.starts_with("Not saved"), "{shown}");
    assert!(matches!(dialog.status(), Some(StatusLine::Failed(_))));
}

#[test]
fn pdf_disables_transparent_background() {
    let mut h = harness(Lang::En);
    h.get_by_label("Transparent").click();
    h.run();
    let (opts, _, _) = h.state().dialog.options().expect("options");
    assert_eq!(opts.background, Background::Transparent);
    assert!(!h.get_by_label("Transparent").accesskit_node().is_disabled());

    h.get_by_label("PDF").click();
    h.run();
    h.run();
    let (opts, format, _) = h.state().dialog.options().expect("options");
    assert_eq!((format, opts.background), (Format::Pdf, Background::White));
    assert_eq!(h.state().dialog.settings.background, Background::White);
    assert!(h.get_by_label("Transparent").accesskit_node().is_disabled());
}

#[test]
fn copy_image_copies_with_a_display_and_says_why_not_without() {
    let mut h = harness(Lang::En);
    h.get_by_label("Copy image").click();
    // one frame starts the background render (a spinner keeps repainting until it ends)
    h.step();
    assert!(h.state().dialog.is_busy());
    h.state_mut().dialog.wait();
    h.run();
    let s = h.state();
    assert!(!s.dialog.is_busy());
    // which of the two messages is decided by the machine, not left open: with a display
    // server the image is on the clipboard at the size said; without one, the copy fails
    // and says so
    match s.dialog.status() {
        Some(StatusLine::Done(text)) => {
            assert!(
                crate::fixtures::ui::has_display(),
                "copied without a display: {text}"
            );
            assert!(text.contains("2000 × 1125 px"), "{text}");
        }
        Some(StatusLine::Failed(text)) => {
            assert!(
                !crate::fixtures::ui::has_display(),
                "a display but no copy: {text}"
            );
            assert!(text.starts_with("Cannot copy the image: "), "{text}");
            h.get_by_label(text);
        }
        None => panic!("no status after Copy image"),
    }
}

#[test]
fn powerpoint_choice_offers_editable_or_picture_charts_and_saves_a_presentation() {
    let mut h = harness(Lang::En);
    let dir = tempfile::tempdir().expect("tempdir");
    assert!(
        h.query_by_label("Pictures").is_none(),
        "chart mode only for PowerPoint"
    );
    h.get_by_label("PowerPoint").click();
    h.run();
    h.run();
    let (opts, format, _) = h.state().dialog.options().expect("options");
    assert_eq!((format, opts.background), (Format::Pptx, Background::White));
    let s = h.state_mut();
    let path = dir.path().join(s.dialog.default_file_name(&s.dataset));
    assert!(path.to_string_lossy().ends_with(".pptx"));
    let State {
        dialog, dataset, ..
    } = s;
    dialog.save_to(dataset, &path).expect("PowerPoint saved");
    let native = std::fs::read(&path).expect("read");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(native)).expect("zip");
    assert!(
        zip.by_name("ppt/charts/chart1.xml").is_ok(),
        "an editable chart"
    );
    assert!(
        zip.by_name("ppt/embeddings/Microsoft_Excel_Worksheet_1.xlsx")
            .is_ok()
    );

    h.get_by_label("Pictures").click();
    h.run();
    let State {
        dialog, dataset, ..
    } = h.state_mut();
    dialog.save_to(dataset, &path).expect("PowerPoint saved");
    let picture = std::fs::read(&path).expect("read");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(picture)).expect("zip");
    assert!(
        zip.by_name("ppt/charts/chart1.xml").is_err(),
        "no chart part"
    );
    assert!(
        zip.by_name("ppt/media/image1.svg").is_ok(),
        "the picture's SVG"
    );
}

#[test]
fn without_a_file_dialog_a_path_field_saves_the_chart_and_replaces_nothing() {
    let mut h = harness(Lang::En);
    let dir = tempfile::tempdir().expect("tempdir");
    // what the dialog thread reports when the save dialog gave no file (no portal, or
    // dismissed): the suggested name goes into a path field, and the dialog says why
    let typed = dir.path().join("nps-chart");
    offer_path(&mut h, &typed);
    h.get_by_label("No file was chosen. If no file dialog appeared, type the file's path.");
    assert_eq!(
        h.state().dialog.path_entry(),
        Some(typed.display().to_string().as_str())
    );
    save_typed(&mut h, "Save to this path");
    // the format's extension is added, the file is a PNG of the chosen size, the field goes
    let png = dir.path().join("nps-chart.png");
    let bytes = std::fs::read(&png).expect("the typed path was written");
    assert_eq!(png_size(&bytes), (2000, 1125));
    assert_eq!(
        h.state().dialog.status(),
        Some(&StatusLine::Done(format!("Saved to {}", png.display())))
    );
    assert_eq!(h.state().dialog.path_entry(), None);

    // a typed path was not confirmed by a native dialog: an existing file stays as it was
    std::fs::write(&png, b"old").expect("write");
    offer_path(&mut h, &png);
    save_typed(&mut h, "Save to this path");
    assert_eq!(std::fs::read(&png).expect("read"), b"old");
    assert!(
        matches!(h.state().dialog.status(), Some(StatusLine::Failed(e)) if e.starts_with("Not saved")),
        "{:?}",
        h.state().dialog.status()
    );
    assert!(h.state().dialog.path_entry().is_some(), "the field stays");
}

#[test]
fn the_status_line_speaks_the_interface_language_whatever_the_charts() {
    // a French interface exporting a chart labelled in English
    let mut h = harness_with(Lang::Fr, Locale::EnGb);
    let dir = tempfile::tempdir().expect("tempdir");
    let png = dir.path().join("chart.png");
    offer_path(&mut h, &png);
    save_typed(&mut h, "Enregistrer à ce chemin");
    assert!(png.exists());
    assert_eq!(
        h.state().dialog.status(),
        Some(&StatusLine::Done(format!(
            "Enregistré dans {}",
            png.display()
        )))
    );
    // the file is there now: refused, and said in French with the reason
    offer_path(&mut h, &png);
    save_typed(&mut h, "Enregistrer à ce chemin");
    assert!(
        matches!(h.state().dialog.status(),
            Some(StatusLine::Failed(e)) if e.starts_with("Non enregistré") && e.contains("existe déjà")),
        "{:?}",
        h.state().dialog.status()
    );
}
