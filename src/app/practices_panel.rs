/*!
Practices: a matrix of regions × themes (colour: average adoption; number: practices),
practice cards for the clicked cell (with the article's stance: to emulate, to avoid,
context), filters by theme and text, and "What to transfer": practices found in other regions
and absent from a chosen one, never a counter-example ([`crate::analysis::practices`]).
*/

use super::App;
use super::i18n;
use super::state::UiState;
use crate::i18n::Msg;
use crate::model::{Dataset, Lang, Practice, PracticeTheme, Region, RegionId};
use eframe::egui::{self, Color32, RichText};

pub use crate::analysis::practices::{present_in, to_transfer};

fn matches(p: &Practice, uis: &UiState, lang: Lang) -> bool {
    if uis.practice_theme.is_some_and(|t| t != p.theme) {
        return false;
    }
    let q = uis.practice_search.trim().to_lowercase();
    q.is_empty()
        || p.summary.get(lang).to_lowercase().contains(&q)
        || p.summary.get(Lang::En).to_lowercase().contains(&q)
        || p.id.as_str().contains(&q)
        || p.companies.iter().any(|c| c.to_lowercase().contains(&q))
}

/// Fill of a matrix cell for a mean adoption 0–3.
fn adoption_fill(mean: Option<f64>, dark: bool) -> Color32 {
    let Some(m) = mean else {
        return if dark {
            Color32::from_gray(70)
        } else {
            Color32::from_gray(215)
        };
    };
    let t = (m / 3.0).clamp(0.0, 1.0);
    let (a, b) = ([0xe8, 0xf1, 0xf8], [0x08, 0x45, 0x94]);
    let c: [u8; 3] =
        [0, 1, 2].map(|i| (f64::from(a[i]) + (f64::from(b[i]) - f64::from(a[i])) * t) as u8);
    Color32::from_rgb(c[0], c[1], c[2])
}

/// Fill and text of a matrix cell holding `count` practices of mean adoption `mean`: empty
/// when there is none; the count and a question mark on a neutral fill when no practice of
/// the cell gives its adoption (unknown is not "absent", the lightest colour of the scale).
fn cell_look(count: usize, mean: Option<f64>, dark: bool) -> (Color32, String) {
    match (count, mean) {
        (0, _) => (adoption_fill(None, dark), String::new()),
        (n, None) => (adoption_fill(None, dark), format!("{n} ?")),
        (n, Some(m)) => (adoption_fill(Some(m), dark), n.to_string()),
    }
}

fn region_name(ds: &Dataset, id: &RegionId, lang: Lang) -> String {
    ds.regions()
        .get(id.as_str())
        .map(|r| r.name.get(lang).to_owned())
        .unwrap_or_else(|| id.to_string())
}

/// "1 practice", "2 practices" ("1 pratique", "2 pratiques").
fn practices(lang: Lang, n: usize) -> String {
    Msg::count(Msg::PracticeCountOne, Msg::PracticeCountMany, n, lang, &[])
}

/// Draws the practices tab.
pub fn show(ui: &mut egui::Ui, app: &App, uis: &mut UiState) {
    let lang = app.state.lang;
    let ds = app.dataset();
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.heading(format!(
            "{} ({})",
            Msg::PracticeMatrix.get(lang),
            practices(lang, ds.practices().len())
        ));
        ui.label(Msg::MatrixHint.get(lang));
        filters(ui, lang, uis);
        ui.add_space(6.0);
        matrix(ui, app, uis);
        ui.add_space(8.0);
        cell_cards(ui, ds, lang, uis);
        ui.separator();
        transfer(ui, app, uis);
    });
}

fn filters(ui: &mut egui::Ui, lang: Lang, uis: &mut UiState) {
    ui.horizontal(|ui| {
        let label = ui.label(Msg::Theme.get(lang));
        egui::ComboBox::from_id_salt("practice_theme")
            .selected_text(
                uis.practice_theme
                    .map_or(Msg::AllThemes.get(lang), |t| t.label(lang)),
            )
            .width(220.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut uis.practice_theme, None, Msg::AllThemes.get(lang));
                for t in PracticeTheme::ALL {
                    ui.selectable_value(&mut uis.practice_theme, Some(t), t.label(lang));
                }
            })
            .response
            .labelled_by(label.id);
        let label = ui.label(Msg::Search.get(lang));
        ui.add(
            egui::TextEdit::singleline(&mut uis.practice_search)
                .hint_text(Msg::Search.get(lang))
                .desired_width(220.0),
        )
        .labelled_by(label.id);
    });
}

fn regions_with_practices(ds: &Dataset) -> Vec<&Region> {
    ds.regions()
        .iter()
        .filter(|r| ds.practices().iter().any(|p| p.regions.contains(&r.id)))
        .collect()
}

fn matrix(ui: &mut egui::Ui, app: &App, uis: &mut UiState) {
    let lang = app.state.lang;
    let dark = app.state.dark;
    let ds = app.dataset();
    let themes: Vec<PracticeTheme> = PracticeTheme::ALL
        .into_iter()
        .filter(|t| uis.practice_theme.is_none_or(|x| x == *t))
        .collect();
    let col_w = ((ui.available_width() - 150.0) / themes.len().max(1) as f32).clamp(60.0, 130.0);
    egui::Grid::new("practice_matrix")
        .spacing(egui::vec2(4.0, 4.0))
        .show(ui, |ui| {
            ui.label("");
            for t in &themes {
                ui.allocate_ui(egui::vec2(col_w, 34.0), |ui| {
                    ui.set_width(col_w);
                    ui.add(egui::Label::new(RichText::new(t.label(lang)).small()).wrap());
                });
            }
            ui.end_row();
            for r in regions_with_practices(ds) {
                ui.label(r.name.get(lang));
                for &t in &themes {
                    let ps: Vec<&Practice> = ds
                        .practices()
                        .iter()
                        .filter(|p| p.theme == t && p.regions.contains(&r.id))
                        .filter(|p| matches(p, uis, lang))
                        .collect();
                    let levels: Vec<f64> = ps
                        .iter()
                        .filter_map(|p| p.adoption.map(f64::from))
                        .collect();
                    let mean = (!levels.is_empty())
                        .then(|| levels.iter().sum::<f64>() / levels.len() as f64);
                    let (fill, text) = cell_look(ps.len(), mean, dark);
                    let text_col = if mean.unwrap_or(0.0) > 1.5 {
                        Color32::WHITE
                    } else {
                        Color32::from_gray(20)
                    };
                    let selected = uis.practice_cell.as_ref() == Some(&(r.id.clone(), t));
                    let button = egui::Button::new(RichText::new(text).color(text_col).strong())
                        .fill(fill)
                        .selected(selected)
                        .min_size(egui::vec2(col_w, 28.0));
                    let hover = format!(
                        "{} · {} · {} · {}: {}",
                        r.name.get(lang),
                        t.label(lang),
                        practices(lang, ps.len()),
                        Msg::Adoption.get(lang),
                        mean.map_or(Msg::Unknown.get(lang).to_owned(), |m| format!("{m:.1}"))
                    );
                    if ui.add(button).on_hover_text(hover).clicked() {
                        uis.practice_cell = Some((r.id.clone(), t));
                    }
                }
                ui.end_row();
            }
        });
}

fn card(ui: &mut egui::Ui, ds: &Dataset, p: &Practice, lang: Lang) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(p.summary.get(lang));
        let regions: Vec<String> = p.regions.iter().map(|r| region_name(ds, r, lang)).collect();
        let channels: Vec<String> = p
            .channels
            .iter()
            .map(|c| {
                ds.channels()
                    .get(c.as_str())
                    .map(|c| c.name.get(lang).to_owned())
                    .unwrap_or_else(|| c.to_string())
            })
            .collect();
        let mut meta = vec![
            format!("{}: {}", Msg::Regions.get(lang), regions.join(", ")),
            format!("{}: {}", Msg::Theme.get(lang), p.theme.label(lang)),
            format!(
                "{}: {}",
                Msg::Adoption.get(lang),
                i18n::adoption(p.adoption, lang)
            ),
            format!(
                "{}: {}",
                Msg::Stance.get(lang),
                p.stance.map_or(Msg::Unknown.get(lang), |s| s.label(lang))
            ),
            format!(
                "{}: {}",
                Msg::Year.get(lang),
                p.year
                    .map_or(Msg::Unknown.get(lang).to_owned(), |y| y.to_string())
            ),
        ];
        if !channels.is_empty() {
            meta.push(format!(
                "{}: {}",
                Msg::Channels.get(lang),
                channels.join(", ")
            ));
        }
        ui.label(RichText::new(meta.join(" · ")).small());
        if let Some(src) = p.source.as_ref().and_then(|s| ds.sources().get(s.as_str())) {
            ui.label(
                RichText::new(format!(
                    "{}: {}, “{}” ({})",
                    Msg::ColSource.get(lang),
                    src.publisher,
                    src.title_in(lang),
                    src.date
                ))
                .small()
                .weak(),
            );
        }
    });
}

fn cell_cards(ui: &mut egui::Ui, ds: &Dataset, lang: Lang, uis: &UiState) {
    let Some((region, theme)) = &uis.practice_cell else {
        ui.weak(Msg::ClickCell.get(lang));
        return;
    };
    ui.strong(format!(
        "{} · {}",
        region_name(ds, region, lang),
        theme.label(lang)
    ));
    let ps: Vec<&Practice> = ds
        .practices()
        .iter()
        .filter(|p| p.theme == *theme && p.regions.contains(region) && matches(p, uis, lang))
        .collect();
    if ps.is_empty() {
        ui.weak(Msg::NoPractice.get(lang));
    }
    for p in ps {
        card(ui, ds, p, lang);
    }
}

fn region_combo(
    ui: &mut egui::Ui,
    ds: &Dataset,
    label: egui::Id,
    id: &str,
    value: &mut Option<RegionId>,
    none_label: Option<&str>,
    lang: Lang,
) {
    let text = value
        .as_ref()
        .map(|r| region_name(ds, r, lang))
        .or(none_label.map(str::to_owned))
        .unwrap_or_default();
    egui::ComboBox::from_id_salt(id)
        .selected_text(text)
        .show_ui(ui, |ui| {
            if let Some(n) = none_label {
                ui.selectable_value(value, None, n);
            }
            for r in regions_with_practices(ds) {
                ui.selectable_value(value, Some(r.id.clone()), r.name.get(lang));
            }
        })
        .response
        .labelled_by(label);
}

fn transfer(ui: &mut egui::Ui, app: &App, uis: &mut UiState) {
    let lang = app.state.lang;
    let ds = app.dataset();
    ui.heading(Msg::Transfer.get(lang));
    ui.horizontal(|ui| {
        let to = ui.label(Msg::TransferTo.get(lang)).id;
        region_combo(ui, ds, to, "transfer_to", &mut uis.transfer_to, None, lang);
        let from = ui.label(Msg::TransferFrom.get(lang)).id;
        let any = Msg::AnyRegion.get(lang);
        region_combo(
            ui,
            ds,
            from,
            "transfer_from",
            &mut uis.transfer_from,
            Some(any),
            lang,
        );
    });
    let Some(to) = uis.transfer_to.clone() else {
        return;
    };
    let list: Vec<&Practice> = to_transfer(ds, &to, uis.transfer_from.as_ref())
        .into_iter()
        .filter(|p| matches(p, uis, lang))
        .collect();
    if list.is_empty() {
        ui.weak(Msg::NothingToTransfer.get(lang));
        return;
    }
    for t in PracticeTheme::ALL {
        let in_theme: Vec<&&Practice> = list.iter().filter(|p| p.theme == t).collect();
        if in_theme.is_empty() {
            continue;
        }
        let at_target = ds
            .practices()
            .iter()
            .filter(|p| p.theme == t && present_in(p, &to))
            .count();
        ui.add_space(4.0);
        ui.strong(format!(
            "{} ({}) — {}: {}",
            t.label(lang),
            in_theme.len(),
            region_name(ds, &to, lang),
            practices(lang, at_target)
        ));
        for p in in_theme {
            card(ui, ds, p, lang);
        }
    }
}
