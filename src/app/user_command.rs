/*!
[`UserCommand`]: every command a user triggers by a button or a key, with its label, tooltip
and keyboard shortcut in one table ([`UserCommand::entry`]), as rerun's `UICommand`.

The key handling ([`UserCommand::consume`]), the help window and the buttons' hover texts
all read this table, so a shortcut or a wording is changed in one place. Shortcuts are shown
with [`egui::Context::format_shortcut`], so macOS shows `⌘` where Linux and Windows show
`Ctrl`. A user command becomes an [`app::Command`](super::Command) (what the app applies)
through [`UserCommand::command`], which resolves toggles against the current state.
*/

use super::AppCommand;
use super::state::{AppState, UiState};
use crate::chart::ChartKind;
use crate::i18n::Msg;
use crate::model::Lang;
use eframe::egui::{self, Key, KeyboardShortcut, Modifiers};

/// A command the user triggers from a button, a menu or the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UserCommand {
    /// Ask for a file with the native dialog, then open it.
    Open,
    /// Open the export dialog for the current chart.
    Export,
    /// Undo the last selection change.
    Undo,
    /// Redo the last undone selection change.
    Redo,
    /// Save the current selection as a view (under the name typed, if any).
    SaveView,
    /// Switch the interface language EN ↔ FR.
    ToggleLanguage,
    /// Switch the light and dark themes.
    ToggleDarkTheme,
    /// Show a chart of this kind.
    ChartKind(ChartKind),
    /// Presentation mode on or off.
    TogglePresentation,
    /// Leave presentation mode.
    LeavePresentation,
    /// Previous saved view (presentation mode).
    PreviousView,
    /// Next saved view (presentation mode).
    NextView,
    /// Show or hide the help window.
    ToggleHelp,
    /// Show or hide the About window.
    ToggleAbout,
    /// Show or hide the storytelling panel.
    ToggleStory,
    /// Show or hide the deck panel.
    ToggleDeck,
    /// Put the current chart in the deck.
    AddToDeck,
    /// Put the keyboard in the headline field (edit it in place).
    EditHeadline,
}

/// When a command's shortcut works.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Active {
    /// Always, even while a text field has the keyboard.
    Always,
    /// Unless a text field has the keyboard.
    NotTyping,
    /// In presentation mode, even while a text field has the keyboard.
    Presenting,
    /// In presentation mode, unless a text field has the keyboard.
    PresentingNotTyping,
}

/// One row of the command table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Button or menu label.
    pub text: Msg,
    /// What the command does (hover text, help window).
    pub tooltip: Msg,
    /// Main keyboard shortcut, if any.
    pub shortcut: Option<KeyboardShortcut>,
    /// A second shortcut doing the same (`Ctrl+Y` for redo).
    pub also: Option<KeyboardShortcut>,
    /// When the shortcuts work.
    pub active: Active,
}

const fn key(modifiers: Modifiers, key: Key) -> Option<KeyboardShortcut> {
    Some(KeyboardShortcut::new(modifiers, key))
}

/// `Ctrl` (`⌘` on macOS).
const CMD: Modifiers = Modifiers::COMMAND;
/// `Ctrl+Shift` (`⇧⌘` on macOS).
const CMD_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};
const NONE: Modifiers = Modifiers::NONE;

/// The digit keys of the chart kinds, in [`ChartKind::ALL`] order.
const KIND_KEYS: [Key; 8] = [
    Key::Num1,
    Key::Num2,
    Key::Num3,
    Key::Num4,
    Key::Num5,
    Key::Num6,
    Key::Num7,
    Key::Num8,
];

impl UserCommand {
    /// Every user command, in the order of the help window.
    pub fn all() -> Vec<UserCommand> {
        let mut all = vec![
            UserCommand::Open,
            UserCommand::Export,
            UserCommand::Undo,
            UserCommand::Redo,
        ];
        all.extend(ChartKind::ALL.map(UserCommand::ChartKind));
        all.extend([
            UserCommand::SaveView,
            UserCommand::ToggleLanguage,
            UserCommand::ToggleDarkTheme,
            UserCommand::TogglePresentation,
            UserCommand::PreviousView,
            UserCommand::NextView,
            UserCommand::LeavePresentation,
            UserCommand::EditHeadline,
            UserCommand::ToggleStory,
            UserCommand::ToggleDeck,
            UserCommand::AddToDeck,
            UserCommand::ToggleHelp,
            UserCommand::ToggleAbout,
        ]);
        all
    }

    /// The command table: label, tooltip, shortcuts and when they work.
    pub fn entry(self) -> Entry {
        use Active::*;
        let row = |text, tooltip, shortcut, active| Entry {
            text,
            tooltip,
            shortcut,
            also: None,
            active,
        };
        match self {
            UserCommand::Open => row(Msg::Open, Msg::OpenTip, key(CMD, Key::O), NotTyping),
            UserCommand::Export => row(Msg::Export, Msg::ExportTip, key(CMD, Key::E), NotTyping),
            UserCommand::Undo => row(Msg::Undo, Msg::UndoTip, key(CMD, Key::Z), NotTyping),
            UserCommand::Redo => Entry {
                also: key(CMD, Key::Y),
                ..row(Msg::Redo, Msg::RedoTip, key(CMD_SHIFT, Key::Z), NotTyping)
            },
            UserCommand::SaveView => {
                row(Msg::SaveView, Msg::SaveViewTip, key(CMD, Key::S), NotTyping)
            }
            UserCommand::ToggleLanguage => {
                row(Msg::Language, Msg::LanguageTip, key(CMD, Key::L), NotTyping)
            }
            UserCommand::ToggleDarkTheme => row(
                Msg::DarkTheme,
                Msg::DarkThemeTip,
                key(CMD, Key::D),
                NotTyping,
            ),
            UserCommand::ChartKind(kind) => {
                let digit = ChartKind::ALL
                    .iter()
                    .position(|k| *k == kind)
                    .and_then(|i| KIND_KEYS.get(i).copied());
                row(
                    Msg::ChartType,
                    Msg::ChartType,
                    digit.and_then(|d| key(CMD, d)),
                    NotTyping,
                )
            }
            UserCommand::TogglePresentation => row(
                Msg::Presentation,
                Msg::PresentationTip,
                key(NONE, Key::F11),
                Always,
            ),
            UserCommand::LeavePresentation => row(
                Msg::LeavePresentation,
                Msg::LeavePresentation,
                key(NONE, Key::Escape),
                Presenting,
            ),
            UserCommand::PreviousView => row(
                Msg::PreviousView,
                Msg::PreviousViewTip,
                key(NONE, Key::ArrowLeft),
                PresentingNotTyping,
            ),
            UserCommand::NextView => row(
                Msg::NextView,
                Msg::NextViewTip,
                key(NONE, Key::ArrowRight),
                PresentingNotTyping,
            ),
            UserCommand::ToggleHelp => row(Msg::Help, Msg::HelpTip, key(NONE, Key::F1), Always),
            UserCommand::ToggleAbout => row(Msg::About, Msg::AboutTitle, None, Always),
            UserCommand::ToggleStory => row(
                Msg::Storytelling,
                Msg::StorytellingTip,
                key(CMD, Key::T),
                NotTyping,
            ),
            UserCommand::ToggleDeck => row(Msg::Deck, Msg::DeckTip, key(CMD, Key::K), NotTyping),
            UserCommand::AddToDeck => row(
                Msg::AddToDeck,
                Msg::AddToDeckTip,
                key(CMD_SHIFT, Key::K),
                NotTyping,
            ),
            UserCommand::EditHeadline => row(
                Msg::Headline,
                Msg::HeadlineTip,
                key(NONE, Key::F2),
                NotTyping,
            ),
        }
    }

    /// Button or menu label in `lang` (a chart kind's own name for [`UserCommand::ChartKind`]).
    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            UserCommand::ChartKind(kind) => kind.label(lang),
            _ => self.entry().text.get(lang),
        }
    }

    /// What the command does, in `lang`.
    pub fn tooltip(self, lang: Lang) -> String {
        match self {
            UserCommand::ChartKind(kind) => {
                format!("{}: {}", Msg::ChartType.get(lang), kind.label(lang))
            }
            _ => self.entry().tooltip.get(lang).to_owned(),
        }
    }

    /// The main keyboard shortcut, if any.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        self.entry().shortcut
    }

    /// Every shortcut of the command (main one first).
    pub fn shortcuts(self) -> impl Iterator<Item = KeyboardShortcut> {
        let e = self.entry();
        e.shortcut.into_iter().chain(e.also)
    }

    /// The shortcuts as the platform writes them (`Ctrl+Shift+Z / Ctrl+Y`, `⇧⌘Z / ⌘Y`), or
    /// `None` without a shortcut.
    pub fn shortcut_text(self, ctx: &egui::Context) -> Option<String> {
        let texts: Vec<String> = self.shortcuts().map(|s| ctx.format_shortcut(&s)).collect();
        (!texts.is_empty()).then(|| texts.join(" / "))
    }

    /// Hover text of the command's button: its tooltip and its shortcut (`Undo a selection
    /// change (Ctrl+Z)`).
    pub fn hover_text(self, ctx: &egui::Context, lang: Lang) -> String {
        match self.shortcut_text(ctx) {
            Some(keys) => format!("{} ({keys})", self.tooltip(lang)),
            None => self.tooltip(lang),
        }
    }

    /// Whether the shortcuts work with a text field having the keyboard (`typing`) and in or
    /// out of presentation mode.
    pub fn is_active(self, typing: bool, presenting: bool) -> bool {
        match self.entry().active {
            Active::Always => true,
            Active::NotTyping => !typing,
            Active::Presenting => presenting,
            Active::PresentingNotTyping => presenting && !typing,
        }
    }

    /// What the app applies for this command, toggles resolved against the current state.
    pub fn command(self, state: &AppState, ui: &UiState) -> AppCommand {
        match self {
            UserCommand::Open => AppCommand::OpenDialog,
            UserCommand::Export => AppCommand::OpenExport,
            UserCommand::Undo => AppCommand::Undo,
            UserCommand::Redo => AppCommand::Redo,
            UserCommand::SaveView => AppCommand::SaveView(ui.view_name.clone()),
            UserCommand::ToggleLanguage => AppCommand::SetLang(match state.lang {
                Lang::En => Lang::Fr,
                Lang::Fr => Lang::En,
            }),
            UserCommand::ToggleDarkTheme => AppCommand::SetDark(!state.dark),
            UserCommand::ChartKind(kind) => AppCommand::SetKind(kind),
            UserCommand::TogglePresentation => AppCommand::SetPresentation(!ui.presentation),
            UserCommand::LeavePresentation => AppCommand::SetPresentation(false),
            UserCommand::PreviousView => AppCommand::StepView(-1),
            UserCommand::NextView => AppCommand::StepView(1),
            UserCommand::ToggleHelp => AppCommand::ShowHelp(!ui.show_help),
            UserCommand::ToggleAbout => AppCommand::ShowAbout(!ui.show_about),
            UserCommand::ToggleStory => AppCommand::ShowStory(!ui.show_story),
            UserCommand::ToggleDeck => {
                AppCommand::Deck(super::deck::DeckCommand::Show(!ui.show_deck))
            }
            UserCommand::AddToDeck => {
                AppCommand::Deck(super::deck::DeckCommand::Add(String::new()))
            }
            UserCommand::EditHeadline => AppCommand::FocusHeadline,
        }
    }

    /// Consumes the key presses of this frame that are shortcuts of active commands and
    /// returns those commands. The most specific shortcuts are tried first, so `Ctrl+Shift+Z`
    /// is redo and never also undo.
    pub fn consume(
        input: &mut egui::InputState,
        typing: bool,
        presenting: bool,
    ) -> Vec<UserCommand> {
        let mut shortcuts: Vec<(KeyboardShortcut, UserCommand)> = UserCommand::all()
            .into_iter()
            .filter(|c| c.is_active(typing, presenting))
            .flat_map(|c| c.shortcuts().map(move |s| (s, c)))
            .collect();
        shortcuts.sort_by_key(|(s, _)| std::cmp::Reverse(modifier_count(s.modifiers)));
        let mut out = Vec::new();
        for (shortcut, cmd) in shortcuts {
            if input.consume_shortcut(&shortcut) && !out.contains(&cmd) {
                out.push(cmd);
            }
        }
        out
    }

    /// The command's button: its label, enabled or not, with its hover text.
    pub fn button(self, ui: &mut egui::Ui, lang: Lang, enabled: bool) -> egui::Response {
        let hover = self.hover_text(ui.ctx(), lang);
        ui.add_enabled(enabled, egui::Button::new(self.text(lang)))
            .on_hover_text(hover.clone())
            .on_disabled_hover_text(hover)
    }
}

/// Number of modifier keys a shortcut needs (Ctrl and ⌘ count once).
fn modifier_count(m: Modifiers) -> usize {
    usize::from(m.alt) + usize::from(m.shift) + usize::from(m.command || m.ctrl || m.mac_cmd)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shortcut_is_unique() {
        let mut seen: Vec<(KeyboardShortcut, UserCommand)> = Vec::new();
        for cmd in UserCommand::all() {
            for s in cmd.shortcuts() {
                if let Some((_, other)) = seen.iter().find(|(t, _)| *t == s) {
                    panic!("{s:?} is the shortcut of both {other:?} and {cmd:?}");
                }
                seen.push((s, cmd));
            }
        }
        // the chart kinds, sixteen other commands, and Ctrl+Y for redo
        assert_eq!(seen.len(), ChartKind::ALL.len() + 16 + 1);
    }

    #[test]
    fn every_command_is_listed_once_and_labelled_in_both_languages() {
        let all = UserCommand::all();
        for (i, cmd) in all.iter().enumerate() {
            assert!(!all[..i].contains(cmd), "{cmd:?} listed twice");
            for lang in [Lang::En, Lang::Fr] {
                assert!(!cmd.text(lang).is_empty(), "{cmd:?} {lang:?}");
                assert!(!cmd.tooltip(lang).is_empty(), "{cmd:?} {lang:?}");
            }
        }
        assert_eq!(all.len(), 17 + ChartKind::ALL.len());
    }

    #[test]
    fn shortcuts_are_formatted_for_the_platform() {
        let ctx = egui::Context::default();
        // fonts exist after a first pass; the symbols need them
        let mut pass = ctx.run_ui(egui::RawInput::default(), |_| {});
        pass.textures_delta.clear();
        ctx.set_os(egui::os::OperatingSystem::Nix);
        assert_eq!(
            UserCommand::Redo.shortcut_text(&ctx).as_deref(),
            Some("Ctrl+Shift+Z / Ctrl+Y")
        );
        assert_eq!(
            UserCommand::ChartKind(ChartKind::Lines).hover_text(&ctx, Lang::En),
            "Chart type: Lines over years (Ctrl+3)"
        );
        ctx.set_os(egui::os::OperatingSystem::Mac);
        let mac = UserCommand::Undo.shortcut_text(&ctx).unwrap_or_default();
        assert!(mac == "⌘Z" || mac == "Cmd+Z", "{mac}");
    }

    #[test]
    fn toggles_resolve_against_the_state() {
        let state = AppState {
            lang: Lang::Fr,
            dark: true,
            ..AppState::default()
        };
        let ui = UiState {
            presentation: true,
            view_name: "Q3".into(),
            ..UiState::default()
        };
        assert_eq!(
            UserCommand::ToggleLanguage.command(&state, &ui),
            AppCommand::SetLang(Lang::En)
        );
        assert_eq!(
            UserCommand::ToggleDarkTheme.command(&state, &ui),
            AppCommand::SetDark(false)
        );
        assert_eq!(
            UserCommand::TogglePresentation.command(&state, &ui),
            AppCommand::SetPresentation(false)
        );
        assert_eq!(
            UserCommand::SaveView.command(&state, &ui),
            AppCommand::SaveView("Q3".into())
        );
        assert!(!UserCommand::Undo.is_active(true, false));
        assert!(UserCommand::ToggleHelp.is_active(true, false));
        assert!(!UserCommand::NextView.is_active(false, false));
        assert!(UserCommand::LeavePresentation.is_active(true, true));
    }
}
