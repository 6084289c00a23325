/*!
The headline and subtitle of the chart tab, edited in place (F2 focuses the headline): each
is a text field showing what the figure shows. Enter or leaving the field stores the text
for the interface language in the spec's `title` / `subtitle` (one [`Command::SetSpec`]);
the other language keeps its text; an empty field goes back to the generated text; Escape
abandons the edit.
*/

use super::state::UiState;
use super::story_panel::send;
use super::{App, Command};
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

/// Draws the headline and subtitle fields.
pub fn show(ui: &mut egui::Ui, app: &App, uis: &mut UiState, cmds: &mut Vec<Command>) {
    let lang = app.state.lang;
    let fig = app.figure();
    if uis.focus_headline {
        ui.memory_mut(|m| m.request_focus(headline_id()));
        uis.focus_headline = false;
    }
    let form = &mut uis.story;
    for (subtitle, shown, label) in [
        (false, fig.title.as_str(), Msg::Headline),
        (true, fig.subtitle.as_str(), Msg::Subtitle),
    ] {
        ui.horizontal(|ui| {
            let name = ui
                .weak(label.get(lang))
                .on_hover_text(Msg::HeadlineHint.get(lang))
                .id;
            let mut text = match &form.headline_edit {
                Some((which, t)) if *which == subtitle => t.clone(),
                _ => shown.to_owned(),
            };
            let mut edit = egui::TextEdit::singleline(&mut text)
                .frame(egui::Frame::NONE)
                .hint_text(Msg::HeadlineHint.get(lang))
                .desired_width(f32::INFINITY);
            edit = if subtitle {
                edit.id_salt("servicescope-subtitle")
            } else {
                edit.id(headline_id()).font(egui::TextStyle::Heading)
            };
            let response = ui.add(edit).labelled_by(name);
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
