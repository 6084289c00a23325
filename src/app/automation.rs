/*!
Running the real window unattended, for the smoke test, screenshots and frame timing.

- `SERVICESCOPE_SCREENSHOT=/path.png`: after the window has settled, save a screenshot of
  it as PNG, print one line on what is shown (open files, mapping dialog, saved views,
  errors) to stderr, and quit.
- `SERVICESCOPE_FRAME_LOG=N`: print each frame's timings to stderr and quit after N frames:
  `frame K ui_ms U prev_cpu_ms C interval_ms I points P` (U: the app's `ui`; C: eframe's CPU
  time for the previous frame, `ui` plus tessellation and painting; I: time since the previous
  frame ended; P: points in the figure).
- `SERVICESCOPE_VIEW=token,token…`: start on a given view (tokens: a chart kind as in
  `ChartSpec` such as `Radar`, `table`, `practices`, `sources`, `fr`, `en`, `dark`, `light`,
  `present`, `coverage`, `channels` (UK and France by channel), `help`, `about`, `export` (the export dialog),
  `open:PATH` (as the Open button: a table without saved mapping shows the mapping dialog),
  `load:PATH` (straight to the background loader, guessed mapping), `indicator:ID` (chart
  that one indicator), `allregions`,
  `allchannels`, `wait` (finish loading before the first frame), `story` (the storytelling
  panel), `deck` (the deck window), `addtodeck` (add the current chart to the deck),
  `deckfile:PATH` (load a deck file into the deck window)).

When any of these is set the workspace is neither restored nor saved.
*/

use super::state::Tab;
use super::{App, AppCommand};
use crate::chart::ChartKind;
use crate::model::{ChannelId, IndicatorId, Lang, RegionId};
use eframe::egui;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Frames drawn before the screenshot is requested (layout and fonts settle first).
const SCREENSHOT_FRAME: u64 = 10;

/// Unattended-run settings read from the environment.
pub struct Automation {
    screenshot: Option<PathBuf>,
    frame_log: Option<u64>,
    view: Vec<String>,
    frame: u64,
    requested: bool,
    saved: Arc<Mutex<Option<Result<(), ScreenshotError>>>>,
    last_frame: Option<Instant>,
}

impl Automation {
    /// Reads the environment; `None` when no variable is set.
    pub fn from_env() -> Option<Automation> {
        let screenshot = std::env::var_os("SERVICESCOPE_SCREENSHOT").map(PathBuf::from);
        let frame_log = std::env::var("SERVICESCOPE_FRAME_LOG")
            .ok()
            .and_then(|v| v.trim().parse::<u64>().ok());
        let view: Vec<String> = std::env::var("SERVICESCOPE_VIEW")
            .unwrap_or_default()
            .split(',')
            .map(|t| t.trim().to_owned())
            .filter(|t| !t.is_empty())
            .collect();
        if screenshot.is_none() && frame_log.is_none() && view.is_empty() {
            return None;
        }
        Some(Automation {
            screenshot,
            frame_log,
            view,
            frame: 0,
            requested: false,
            saved: Arc::new(Mutex::new(None)),
            last_frame: None,
        })
    }

    /// Applies `SERVICESCOPE_VIEW` to a new app.
    pub fn prepare(&self, app: &mut App) {
        for token in &self.view {
            match token.as_str() {
                "table" => app.apply(AppCommand::SetTab(Tab::Table)),
                "practices" => app.apply(AppCommand::SetTab(Tab::Practices)),
                "sources" => app.apply(AppCommand::SetTab(Tab::Sources)),
                "coverage" => app.apply(AppCommand::SetTab(Tab::Coverage)),
                "fr" => app.apply(AppCommand::SetLang(Lang::Fr)),
                "en" => app.apply(AppCommand::SetLang(Lang::En)),
                "dark" => app.apply(AppCommand::SetDark(true)),
                "light" => app.apply(AppCommand::SetDark(false)),
                "present" => app.apply(AppCommand::SetPresentation(true)),
                "help" => app.apply(AppCommand::ShowHelp(true)),
                "about" => app.apply(AppCommand::ShowAbout(true)),
                "export" => app.apply(AppCommand::OpenExport),
                "story" => app.apply(AppCommand::ShowStory(true)),
                "deck" => app.apply(AppCommand::Deck(super::deck::DeckCommand::Show(true))),
                "addtodeck" => app.apply(AppCommand::Deck(super::deck::DeckCommand::Add(
                    String::new(),
                ))),
                "allregions" => {
                    let mut spec = app.state.spec.clone();
                    spec.regions.clear();
                    app.apply(AppCommand::SetSpec(Box::new(spec)));
                }
                "allchannels" => {
                    let mut spec = app.state.spec.clone();
                    spec.channels = app
                        .dataset()
                        .channels()
                        .iter()
                        .map(|c| c.id.clone())
                        .collect();
                    app.apply(AppCommand::SetSpec(Box::new(spec)));
                }
                "wait" => app.finish_loading(),
                "channels" => {
                    let mut spec = app.state.spec.clone();
                    spec.kind = ChartKind::BarsByChannel;
                    spec.indicators = vec![IndicatorId::new("fcr_pct")];
                    spec.regions = vec![RegionId::new("uk"), RegionId::new("france")];
                    spec.channels = ["phone", "email", "chat", "twitter", "facebook"]
                        .into_iter()
                        .map(ChannelId::new)
                        .collect();
                    app.apply(AppCommand::SetSpec(Box::new(spec)));
                }
                other if other.starts_with("load:") => {
                    // straight to the loader, without the mapping dialog (benchmarks)
                    let path = PathBuf::from(&other["load:".len()..]);
                    app.loader.push(super::loader::LoadJob::new(
                        super::loader::JobKind::Open,
                        path,
                    ));
                }
                other if other.starts_with("indicator:") => {
                    let mut spec = app.state.spec.clone();
                    spec.indicators = vec![IndicatorId::new(&other["indicator:".len()..])];
                    app.apply(AppCommand::SetSpec(Box::new(spec)));
                }
                other if other.starts_with("deckfile:") => {
                    let path = PathBuf::from(&other["deckfile:".len()..]);
                    app.apply(AppCommand::Deck(super::deck::DeckCommand::Load {
                        path,
                        replace: true,
                    }));
                }
                other if other.starts_with("open:") => {
                    app.apply(AppCommand::Open(PathBuf::from(&other["open:".len()..])));
                }
                other => {
                    if let Some(kind) = ChartKind::ALL
                        .into_iter()
                        .find(|k| format!("{k:?}").eq_ignore_ascii_case(other))
                    {
                        app.apply(AppCommand::SetKind(kind));
                    } else {
                        eprintln!("servicescope: SERVICESCOPE_VIEW: unknown token `{other}`");
                    }
                }
            }
        }
    }

    /// Called at the end of every frame with the time the frame's `ui` took and eframe's CPU
    /// time of the previous frame (`ui` + tessellation + painting, without waiting for vsync).
    pub fn end_frame(
        &mut self,
        ctx: &egui::Context,
        app: &App,
        ui_time: Duration,
        prev_cpu_s: Option<f32>,
    ) {
        self.frame += 1;
        let interval = self.last_frame.map(|t| t.elapsed());
        self.last_frame = Some(Instant::now());
        if let Some(n) = self.frame_log {
            let ms = |v: Option<f64>| v.map_or("-".to_owned(), |v| format!("{:.3}", v * 1000.0));
            eprintln!(
                "frame {} ui_ms {:.3} prev_cpu_ms {} interval_ms {} points {}",
                self.frame,
                ui_time.as_secs_f64() * 1000.0,
                ms(prev_cpu_s.map(f64::from)),
                ms(interval.map(|d| d.as_secs_f64())),
                app.figure().point_count()
            );
            if self.frame >= n && self.screenshot.is_none() {
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
        if let Some(path) = &self.screenshot {
            if !self.requested && self.frame >= SCREENSHOT_FRAME && !app.is_loading() {
                self.requested = true;
                let path = path.clone();
                let saved = Arc::clone(&self.saved);
                let repaint = ctx.clone();
                ctx.request_screenshot(move |image| {
                    let result = save_png(&path, &image);
                    if let Ok(mut slot) = saved.lock() {
                        *slot = Some(result);
                    }
                    repaint.request_repaint();
                });
            }
            let outcome = self.saved.lock().ok().and_then(|mut s| s.take());
            if let Some(result) = outcome {
                if let Err(e) = result {
                    eprintln!("servicescope: screenshot: {e}");
                }
                eprintln!("{}", report(app));
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
        ctx.request_repaint();
    }
}

/// One line on what the app shows when the screenshot is taken, for scripts that check it:
/// `servicescope: shown: open files [A, B]; mapping dialog [C]; views N; errors N`.
fn report(app: &App) -> String {
    let files: Vec<String> = app
        .state
        .open_files
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    let dialog = app
        .import_dialog_file()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    format!(
        "servicescope: shown: open files [{}]; mapping dialog [{dialog}]; views {}; errors {}",
        files.join(", "),
        app.state.views.len(),
        app.errors().len()
    )
}

/// Why the screenshot of an automated run was not written (printed on stderr for the script
/// that asked, in English like the rest of that line).
#[derive(Debug, thiserror::Error)]
enum ScreenshotError {
    /// The image is wider or taller than a PNG can say.
    #[error("the image is too large: {0}")]
    TooLarge(#[from] std::num::TryFromIntError),
    /// The file could not be written.
    #[error("{}: {source}", path.display())]
    Write {
        /// The PNG file.
        path: std::path::PathBuf,
        /// Why.
        source: image::ImageError,
    },
}

fn save_png(path: &std::path::Path, image: &egui::ColorImage) -> Result<(), ScreenshotError> {
    let [w, h] = image.size;
    let bytes: Vec<u8> = image.pixels.iter().flat_map(|c| c.to_array()).collect();
    let w = u32::try_from(w)?;
    let h = u32::try_from(h)?;
    image::save_buffer(path, &bytes, w, h, image::ExtendedColorType::Rgba8).map_err(|source| {
        ScreenshotError::Write {
            path: path.to_owned(),
            source,
        }
    })
}
