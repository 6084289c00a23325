/*!
The sources panel: every source of the loaded data with title (the publisher's French title
in French, where there is one), short label (as in chart footers), publisher, date and address.
*/

use super::App;
use crate::i18n::Msg;
use eframe::egui;

/// Draws the sources tab.
pub fn show(ui: &mut egui::Ui, app: &App) {
    let lang = app.state.lang;
    let ds = app.dataset();
    ui.heading(format!(
        "{} ({})",
        Msg::TabSources.get(lang),
        ds.sources().len()
    ));
    ui.add_space(4.0);
    egui::ScrollArea::vertical().show(ui, |ui| {
        for s in ds.sources().iter() {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.strong(s.title_in(lang));
                if let Some(label) = &s.label {
                    ui.label(format!("{}: {label}", Msg::SourceLabel.get(lang)));
                }
                ui.label(format!(
                    "{}: {} · {}: {}",
                    Msg::SourcePublisher.get(lang),
                    s.publisher,
                    Msg::SourceDate.get(lang),
                    s.date
                ));
                if let Some(author) = &s.author {
                    ui.label(author);
                }
                match &s.address {
                    Some(a) if a.starts_with("http") => {
                        ui.hyperlink(a);
                    }
                    Some(a) => {
                        ui.label(format!("{}: {a}", Msg::SourceAddress.get(lang)));
                    }
                    None => {
                        ui.weak(format!(
                            "{}: {}",
                            Msg::SourceAddress.get(lang),
                            Msg::NoAddress.get(lang)
                        ));
                    }
                }
                if let Some(note) = &s.note {
                    ui.label(egui::RichText::new(note).small().weak());
                }
                ui.weak(s.id.as_str());
            });
        }
    });
}
