/*!
The desktop app (feature `gui`).
*/

use crate::io;
use crate::model::{Dataset, Lang};

/// Opens the main window on the bundled benchmark.
pub fn run() -> Result<(), eframe::Error> {
    let dataset = io::benchmark::load().unwrap_or_default();
    let options = eframe::NativeOptions {
        viewport: eframe::egui::ViewportBuilder::default()
            .with_title("servicescope")
            .with_inner_size([1280.0, 800.0]),
        ..Default::default()
    };
    eframe::run_native(
        "servicescope",
        options,
        Box::new(|_cc| Ok(Box::new(App { dataset }))),
    )
}

/// Application state.
pub struct App {
    /// Loaded data.
    pub dataset: Dataset,
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut eframe::egui::Ui, _frame: &mut eframe::Frame) {
        eframe::egui::CentralPanel::default().show(ui, |ui| {
            ui.heading("servicescope");
            for r in self.dataset.regions.iter() {
                ui.label(r.name.get(Lang::En));
            }
        });
    }
}
