/*!
Dragging annotations into place on the chart. Each plot records its transform ([`remember`])
after the storytelling overlays (`story::overlays`) have drawn the notes where the core
placed them (`Figure::story`); [`show`] then puts a small grip just left of each note.
Dragging a grip moves the note (a dashed leader back to the mark, the note's text drawn where
it will go); releasing stores the new offset, in shares of the plot's width and height as the
spec keeps it, with one [`Command::SetSpec`], one undo step. The grips are labelled ("Move
note …") for screen readers and tests; the storytelling panel's arrow buttons move the same
offset without a mouse.
*/

use crate::app::{App, AppCommand};
use crate::chart::story;
use crate::i18n::Msg;
use eframe::egui::{self, Color32, Rect, Stroke};
use egui_plot::{PlotPoint, PlotTransform};

fn transform_id() -> egui::Id {
    egui::Id::unique("servicescope-note-transform")
}

/// Forgets the transform of the previous frame (called before the plot is drawn).
pub fn clear(ctx: &egui::Context) {
    ctx.data_mut(|d| d.remove::<PlotTransform>(transform_id()));
}

/// Records the transform of the plot just drawn.
pub fn remember(ctx: &egui::Context, t: PlotTransform) {
    ctx.data_mut(|d| d.insert_temp(transform_id(), t));
}

/// Draws the grips of the spec's notes over the plot just drawn and handles their drag.
pub fn show(
    ui: &mut egui::Ui,
    app: &App,
    drag: &mut Option<(usize, egui::Vec2)>,
    cmds: &mut Vec<AppCommand>,
) {
    let spec = &app.state.spec;
    if spec.annotations.is_empty() {
        return;
    }
    let Some(t) = ui
        .ctx()
        .data(|d| d.get_temp::<PlotTransform>(transform_id()))
    else {
        return;
    };
    let frame = *t.frame();
    let lang = app.state.lang;
    let fig = app.figure();
    // the core places the notes whose mark the chart shows, in the spec's order
    let shown = spec
        .annotations
        .iter()
        .enumerate()
        .filter(|(_, a)| story::target(app.dataset(), fig, a, lang).is_some())
        .map(|(i, _)| i);
    let painter = ui.painter().with_clip_rect(frame.expand(4.0));
    let accent = ui.visuals().selection.stroke.color;
    for (i, note) in shown.zip(&fig.story.notes) {
        let Some((x, y)) = story::anchor(fig, note.series, note.point) else {
            continue;
        };
        let mark = t.position_from_point(&PlotPoint::new(x, y));
        let (ox, oy) = (note.offset.0 as f32, note.offset.1 as f32);
        let mut at = mark + egui::vec2(ox * frame.width(), oy * frame.height());
        let moved = match drag {
            Some((j, moved)) if *j == i => Some(*moved),
            _ => None,
        };
        at += moved.unwrap_or(egui::Vec2::ZERO);
        // the grip sits just left of the note's text, so it never hides it
        let text_w = painter
            .layout_no_wrap(
                note.text.clone(),
                egui::FontId::proportional(14.0),
                Color32::WHITE,
            )
            .size()
            .x;
        let centre = at;
        let at = at - egui::vec2(text_w / 2.0 + 9.0, 0.0);
        let grip = Rect::from_center_size(at, egui::vec2(14.0, 14.0));
        let label = format!("{} “{}”", Msg::DragNote.get(lang), note.text);
        let response = ui
            .interact(
                grip,
                egui::Id::unique(("servicescope-note-grip", i)),
                egui::Sense::drag(),
            )
            .on_hover_text(&label);
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
        if response.drag_started() {
            *drag = Some((i, egui::Vec2::ZERO));
        }
        if response.dragged()
            && let Some((j, moved)) = drag
            && *j == i
        {
            *moved += response.drag_delta();
        }
        if moved.is_some() {
            painter.add(egui::Shape::dashed_line(
                &[mark, centre],
                Stroke::new(1.0, accent),
                4.0,
                3.0,
            ));
            painter.text(
                centre,
                egui::Align2::CENTER_CENTER,
                &note.text,
                egui::FontId::proportional(14.0),
                ui.visuals().strong_text_color(),
            );
        }
        let fill = if moved.is_some() || response.hovered() {
            accent
        } else {
            accent.gamma_multiply(0.5)
        };
        painter.circle_filled(at, 5.0, fill);
        painter.circle_stroke(at, 5.0, Stroke::new(1.0, Color32::WHITE));
        if response.drag_stopped()
            && let Some((_, moved)) = drag.take()
        {
            let mut next = spec.clone();
            if let Some(n) = next.annotations.get_mut(i) {
                n.offset = Some((
                    ox + moved.x / frame.width().max(1.0),
                    oy + moved.y / frame.height().max(1.0),
                ));
            }
            cmds.push(AppCommand::SetSpec(Box::new(next)));
        }
    }
}
