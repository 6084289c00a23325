/*!
The headline and subtitle of the chart tab, edited in place (F2 focuses the headline): each
is a text field showing what the figure shows. Enter or leaving the field stores the text
for the interface language in the spec's `title` / `subtitle` (one [`Command::SetSpec`]);
the other language keeps its text; an empty field goes back to the generated text; Escape
abandons the edit.
*/

use super::state::UiState;
use super::story_panel::send;
use super::{App, AppCommand};
use crate::chart::{ChartSpec, SpecText};
use crate::i18n::Msg;
use crate::model::{Lang, Text};
use eframe::egui;

/// `current` with its `lang` text replaced by `typed` (trimmed); the other language keeps
/// its text (a plain text, the same in both languages, stays for the other). `None` when
/// neither language has a text left: the figure's generated text is shown again.
pub fn edited(current: Option<&SpecText>, lang: Lang, typed: &str) -> Option<SpecText> {
    let other = match current {
        None => String::new(),
        Some(SpecText::Plain(s)) => s.clone(),
        Some(SpecText::Both(t)) => match lang {
            Lang::En => t.fr.clone(),
            Lang::Fr => t.en.clone(),
        },
    };
    let this = typed.trim().to_owned();
    if this.is_empty() && other.trim().is_empty() {
        return None;
    }
    Some(SpecText::Both(match lang {
        Lang::En => Text::new(this, other),
        Lang::Fr => Text::new(other, this),
    }))
}

/// Id of the headline field (F2 focuses it).
fn headline_id() -> egui::Id {
    egui::Id::unique("servicescope-headline")
}

/// Id of the subtitle field.
fn subtitle_id() -> egui::Id {
    egui::Id::unique("servicescope-subtitle")
}

/// Draws the headline and subtitle fields.
pub fn show(ui: &mut egui::Ui, app: &App, uis: &mut UiState, cmds: &mut Vec<AppCommand>) {
    let lang = app.state.lang;
    let fig = app.figure();
    if uis.focus_headline {
        ui.memory_mut(|m| m.request_focus(headline_id()));
        uis.focus_headline = false;
    }
    let form = &mut uis.story;
    let sizes = [
        super::chart_view::title::title_sizes(ui.style()),
        super::chart_view::title::subtitle_sizes(ui.style()),
    ];
    for (subtitle, shown, label) in [
        (false, fig.title.as_str(), Msg::Headline),
        (true, fig.subtitle.as_str(), Msg::Subtitle),
    ] {
        ui.horizontal(|ui| {
            let name = ui
                .weak(label.get(lang))
                .on_hover_text(Msg::HeadlineHint.get(lang))
                .id;
            let field_id = if subtitle {
                subtitle_id()
            } else {
                headline_id()
            };
            let editing = ui.memory(|m| m.has_focus(field_id))
                || matches!(&form.headline_edit, Some((which, _)) if *which == subtitle);
            // shown as the files show it (wrapped, shrunk, then cut with an ellipsis) while
            // not edited; the whole text while edited
            let fitted = (!editing && !shown.is_empty()).then(|| {
                let (size, lines) = if subtitle {
                    (sizes[1], super::chart_view::title::SUBTITLE_LINES)
                } else {
                    (sizes[0], super::chart_view::title::TITLE_LINES)
                };
                // the field's inner margin on both sides
                let width = ui.available_width() - 10.0;
                super::chart_view::title::fit(ui.painter(), shown, size, width, lines)
            });
            super::chart_view::record::update(ui.ctx(), |r| {
                let slot = if subtitle {
                    &mut r.subtitle
                } else {
                    &mut r.title
                };
                *slot = fitted.clone();
            });
            let mut text = match (&form.headline_edit, &fitted) {
                (Some((which, t)), _) if *which == subtitle => t.clone(),
                (_, Some(f)) => f.lines.join("\n"),
                _ => shown.to_owned(),
            };
            let mut edit = match &fitted {
                Some(f) => egui::TextEdit::multiline(&mut text)
                    .desired_rows(f.lines.len().max(1))
                    .font(egui::FontId::proportional(f.size_pt)),
                None => egui::TextEdit::singleline(&mut text).font(if subtitle {
                    egui::TextStyle::Body
                } else {
                    egui::TextStyle::Heading
                }),
            }
            .id(field_id)
            .frame(egui::Frame::NONE)
            .hint_text(Msg::HeadlineHint.get(lang))
            .desired_width(f32::INFINITY);
            if !subtitle && fitted.is_some() {
                edit = edit.text_color(ui.visuals().strong_text_color());
            }
            let mut response = ui.add(edit).labelled_by(name);
            if fitted.as_ref().is_some_and(|f| f.cut) {
                response = response.on_hover_text(shown);
            }
            if fitted.is_some() {
                // the fitted text is only shown: a click edits the whole text
                return;
            }
            if response.changed() {
                form.headline_edit = Some((subtitle, text.clone()));
            }
            if response.lost_focus() {
                let cancelled = ui.input(|i| i.key_pressed(egui::Key::Escape));
                if !cancelled && text != shown {
                    let mut spec: ChartSpec = app.state.spec.clone();
                    let field = if subtitle {
                        &mut spec.subtitle
                    } else {
                        &mut spec.title
                    };
                    *field = edited(field.as_ref(), lang, &text);
                    send(app, spec, cmds);
                }
                form.headline_edit = None;
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editing_one_language_keeps_the_other_and_empty_goes_back_to_generated() {
        let en = edited(None, Lang::En, "  France is slower ");
        assert_eq!(en, Some(SpecText::Both(Text::new("France is slower", ""))));
        let both = edited(en.as_ref(), Lang::Fr, "La France est plus lente");
        assert_eq!(
            both,
            Some(SpecText::Both(Text::new(
                "France is slower",
                "La France est plus lente"
            )))
        );
        // emptying English keeps French; emptying both removes the title
        let fr_only = edited(both.as_ref(), Lang::En, "");
        assert_eq!(
            fr_only,
            Some(SpecText::Both(Text::new("", "La France est plus lente")))
        );
        assert_eq!(edited(fr_only.as_ref(), Lang::Fr, " "), None);
        // a plain text (both languages) stays for the language not edited
        let plain = SpecText::Plain("2024".into());
        assert_eq!(
            edited(Some(&plain), Lang::Fr, "Année 2024"),
            Some(SpecText::Both(Text::new("2024", "Année 2024")))
        );
    }
}
