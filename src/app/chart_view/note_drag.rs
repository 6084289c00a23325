/*!
Dragging annotations into place on the chart. Each plot records where its marks are on
screen ([`remember`], from the hits it already makes for tooltips); after the plot,
[`show`] puts a small grip on every annotation of the spec, at its mark shifted by the
note's `offset` (shares of the plot's width and height, as the spec stores it). Dragging a
grip moves it (a dashed leader line back to the mark, the note's text beside the pointer);
releasing stores the new offset with one [`Command::SetSpec`], one undo step. The grips are
labelled ("Move note …") for the keyboard and screen readers, and the storytelling panel's
arrow buttons move the same offset without a mouse.
*/

use super::Hit;
use crate::app::{App, Command};
use crate::chart::{Annotation, Figure, Point};
use crate::model::Lang;
use eframe::egui::{self, Color32, Pos2, Rect, Stroke};

/// Where a note's grip sits when the layout places it (no offset yet): a little above its
/// mark, in shares of the plot.
pub const DEFAULT_OFFSET: (f32, f32) = (0.0, -0.08);

/// Marks drawn by the last plot: (address of the point in the figure, anchor on screen), and
/// the plot's frame.
#[derive(Clone, Default)]
struct Marks {
    frame: Option<Rect>,
    at: Vec<(usize, Pos2)>,
}

fn marks_id() -> egui::Id {
    egui::Id::unique("servicescope-note-marks")
}

/// Forgets the marks of the previous frame (called before the plot is drawn).
pub fn clear(ctx: &egui::Context) {
    ctx.data_mut(|d| d.insert_temp(marks_id(), Marks::default()));
}

/// Records where the plot drew its marks: the top centre of a bar, the centre of a marker.
pub fn remember(ctx: &egui::Context, frame: Rect, hits: &[Hit<'_>]) {
    let at = hits
        .iter()
        .map(|h| match h {
            Hit::Rect(r, p) => (*p as *const Point as usize, r.center_top()),
            Hit::Dot(c, p) => (*p as *const Point as usize, *c),
        })
        .collect();
    ctx.data_mut(|d| {
        d.insert_temp(
            marks_id(),
            Marks {
                frame: Some(frame),
                at,
            },
        )
    });
}

/// Whether marks are worth recording for `fig`'s plot this frame (the spec has notes).
pub fn wanted(ctx: &egui::Context) -> bool {
    ctx.data(|d| d.get_temp::<bool>(marks_id().with("wanted")))
        .unwrap_or(false)
}

/// Says whether the next plot should record its marks.
pub fn want(ctx: &egui::Context, on: bool) {
    ctx.data_mut(|d| d.insert_temp(marks_id().with("wanted"), on));
}

/// The screen position of the mark a note points at, if the plot drew it: same region (or
/// segment) series, same channel and year when the note names them; the latest period
/// otherwise.
fn anchor(app: &App, fig: &Figure, marks: &Marks, note: &Annotation, lang: Lang) -> Option<Pos2> {
    let at = &note.at;
    let channel = at
        .channel
        .as_ref()
        .and_then(|c| app.dataset().channels.get(c.as_str()))
        .map(|c| c.name.get(lang).to_owned());
    let mut best: Option<(&Point, Pos2)> = None;
    for s in &fig.series {
        if at.region.as_ref().is_some_and(|r| r.as_str() != s.id) {
            continue;
        }
        for p in &s.points {
            if channel
                .as_ref()
                .is_some_and(|c| p.channel.as_ref() != Some(c))
            {
                continue;
            }
            if at.year.is_some_and(|y| p.period.year_i32() != y) {
                continue;
            }
            let addr = p as *const Point as usize;
            if let Some((_, pos)) = marks.at.iter().find(|(a, _)| *a == addr)
                && best.is_none_or(|(b, _)| p.period.mid_year() > b.period.mid_year())
            {
                best = Some((p, *pos));
            }
        }
    }
    best.map(|(_, pos)| pos)
}

/// Draws the grips of the spec's notes over the plot just drawn and handles their drag.
pub fn show(
    ui: &mut egui::Ui,
    app: &App,
    drag: &mut Option<(usize, egui::Vec2)>,
    cmds: &mut Vec<Command>,
) {
    let spec = &app.state.spec;
    if spec.annotations.is_empty() {
        return;
    }
    let Some(marks) = ui.ctx().data(|d| d.get_temp::<Marks>(marks_id())) else {
        return;
    };
    let Some(frame) = marks.frame else {
        return;
    };
    let lang = app.state.lang;
    let fig = app.figure();
    let painter = ui.painter().with_clip_rect(frame);
    let accent = ui.visuals().selection.stroke.color;
    for (i, note) in spec.annotations.iter().enumerate() {
        let Some(mark) = anchor(app, fig, &marks, note, lang) else {
            continue;
        };
        let (ox, oy) = note.offset.unwrap_or(DEFAULT_OFFSET);
        let mut at = mark + egui::vec2(ox * frame.width(), oy * frame.height());
        if let Some((j, moved)) = drag
            && *j == i
        {
            at += *moved;
        }
        let grip = Rect::from_center_size(at, egui::vec2(14.0, 14.0));
        let text = note.text.get(lang).to_owned();
        let response = ui
            .interact(
                grip,
                egui::Id::unique(("servicescope-note-grip", i)),
                egui::Sense::drag(),
            )
            .on_hover_text(format!(
                "{} “{text}”",
                crate::app::i18n::S::DragNote.get(lang)
            ));
        response.widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::Role::Button,
                true,
                format!("{} “{text}”", crate::app::i18n::S::DragNote.get(lang)),
            )
        });
        if response.drag_started() {
            *drag = Some((i, egui::Vec2::ZERO));
        }
        if response.dragged()
            && let Some((j, moved)) = drag
            && *j == i
        {
            *moved += response.drag_delta();
        }
        let active = matches!(drag, Some((j, _)) if *j == i);
        painter.line_segment([mark, at], Stroke::new(1.0, accent.gamma_multiply(0.7)));
        painter.circle_filled(
            at,
            6.0,
            if active {
                accent
            } else {
                accent.gamma_multiply(0.6)
            },
        );
        painter.circle_stroke(at, 6.0, Stroke::new(1.0, Color32::WHITE));
        if active {
            painter.text(
                at + egui::vec2(10.0, 0.0),
                egui::Align2::LEFT_CENTER,
                &text,
                egui::FontId::proportional(13.0),
                ui.visuals().strong_text_color(),
            );
        }
        if response.drag_stopped()
            && let Some((_, moved)) = drag.take()
        {
            let w = frame.width().max(1.0);
            let h = frame.height().max(1.0);
            let mut next = spec.clone();
            if let Some(n) = next.annotations.get_mut(i) {
                n.offset = Some((ox + moved.x / w, oy + moved.y / h));
            }
            cmds.push(Command::SetSpec(Box::new(next)));
        }
    }
}
