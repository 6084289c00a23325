//! Drawing the dialog: layout and sheet, the column table, constants, regions, indicators.

use super::*;
use crate::i18n::Msg;

impl ImportDialog {
    pub(super) fn region_name(&self, id: &RegionId, lang: Lang) -> String {
        self.catalog
            .regions()
            .get(id.as_str())
            .map_or_else(|| id.to_string(), |r| r.name.get(lang).to_owned())
    }

    pub(super) fn choice_label(&self, choice: &RegionChoice, lang: Lang) -> String {
        match choice {
            RegionChoice::Unset => Msg::Choose.get(lang).into(),
            RegionChoice::Existing(id) => self.region_name(id, lang),
            RegionChoice::NewCountry => Msg::NewCountryRegion.get(lang).into(),
            RegionChoice::NewGroup => Msg::NewGroup.get(lang).into(),
        }
    }

    /// Draws the dialog window. Returns `Some` once the user clicked Import (and the mapping
    /// was valid and, if asked, saved) or Cancel / closed the window; drop the dialog then.
    pub fn show(&mut self, ctx: &egui::Context, lang: Lang) -> Option<ImportOutcome> {
        let mut open = true;
        let mut import = false;
        let mut cancel = false;
        let max_h = (ctx.content_rect().height() - 160.0).max(200.0);
        egui::Window::new(Msg::ImportData.get(lang))
            .id(egui::Id::unique("servicescope-import-dialog"))
            .open(&mut open)
            .collapsible(false)
            .resizable(true)
            .default_width(820.0)
            .show(ctx, |ui| {
                egui::ScrollArea::vertical()
                    .max_height(max_h)
                    .auto_shrink([false, true])
                    .show(ui, |ui| self.body_ui(ui, lang));
                ui.separator();
                ui.horizontal(|ui| {
                    ui.checkbox(&mut self.save_mapping, Msg::SaveMapping.get(lang));
                    ui.weak(
                        mapping_path(&self.path)
                            .file_name()
                            .map_or_else(String::new, |n| format!("({})", n.to_string_lossy())),
                    );
                });
                self.filters_ui(ui, lang);
                ui.checkbox(&mut self.skip_bad_rows, Msg::SkipMalformedRows.get(lang));
                if let Some(e) = &self.error {
                    ui.colored_label(ui.visuals().error_fg_color, e.as_str());
                }
                ui.horizontal(|ui| {
                    import = ui.button(Msg::Import.get(lang)).clicked();
                    cancel = ui.button(Msg::CancelImport.get(lang)).clicked();
                });
            });
        if cancel || !open {
            return Some(ImportOutcome::Cancel);
        }
        if import {
            match self.confirm() {
                Ok(outcome) => return Some(outcome),
                Err(e) => self.error = Some(e.message(lang)),
            }
        }
        None
    }

    pub(super) fn body_ui(&mut self, ui: &mut egui::Ui, lang: Lang) {
        // file and detection
        ui.horizontal_wrapped(|ui| {
            ui.strong(self.file_name.as_str());
            let mut facts = Vec::new();
            if let Some(e) = self.preview.encoding {
                facts.push(format!("{} {}", Msg::Encoding.get(lang), e.label()));
            }
            if let Some(d) = self.preview.delimiter {
                let name = match d {
                    ';' => Msg::Semicolon.get(lang).to_owned(),
                    ',' => Msg::Comma.get(lang).to_owned(),
                    '\t' => Msg::Tab.get(lang).to_owned(),
                    other => format!("« {other} »"),
                };
                facts.push(format!("{} {name}", Msg::Delimiter.get(lang)));
            }
            if !facts.is_empty() {
                ui.label(facts.join(" · "));
            }
            if self.from_saved {
                ui.weak(Msg::SavedMapping.get(lang));
            }
        });
        ui.horizontal_wrapped(|ui| {
            if !self.preview.sheets.is_empty() {
                let current = self.preview.sheet.clone().unwrap_or_default();
                let mut picked = None;
                egui::ComboBox::from_label(Msg::Sheet.get(lang))
                    .selected_text(current.as_str())
                    .show_ui(ui, |ui| {
                        for s in &self.preview.sheets {
                            if ui.selectable_label(*s == current, s.as_str()).clicked()
                                && *s != current
                            {
                                picked = Some(s.clone());
                            }
                        }
                    });
                if let Some(s) = picked {
                    self.error = self.set_sheet(&s).err().map(|e| e.message(lang));
                }
            }
            let mut layout = self.layout;
            egui::ComboBox::from_label(Msg::Layout.get(lang))
                .selected_text(layout_label(layout, lang))
                .show_ui(ui, |ui| {
                    for l in LAYOUTS {
                        ui.selectable_value(&mut layout, l, layout_label(l, lang));
                    }
                });
            self.set_layout(layout);
            if FileKind::of(&self.path) == Some(FileKind::Text) {
                ui.checkbox(&mut self.decimal_comma, Msg::DecimalComma125.get(lang));
            }
        });
        ui.separator();
        self.table_ui(ui, lang);
        self.period_from_ui(ui, lang);
        self.constants_ui(ui, lang);
        self.outcomes_ui(ui, lang);
        self.regions_ui(ui, lang);
        self.indicators_ui(ui, lang);
        ui.separator();
        ui.horizontal(|ui| {
            let l = ui.label(Msg::SourceTitleField.get(lang));
            ui.add(egui::TextEdit::singleline(&mut self.source_title).desired_width(320.0))
                .labelled_by(l.id);
            egui::ComboBox::from_label(Msg::ColGrade.get(lang))
                .selected_text(self.grade.label(lang))
                .show_ui(ui, |ui| {
                    for g in Grade::ALL {
                        ui.selectable_value(&mut self.grade, g, g.label(lang));
                    }
                });
        });
    }

    pub(super) fn table_ui(&mut self, ui: &mut egui::Ui, lang: Lang) {
        let shown = self.preview.rows.len().min(PREVIEW_ROWS);
        ui.label(Msg::PreviewRowsHeading.fill(lang, &[&shown]));
        let mut change = None;
        egui::ScrollArea::horizontal()
            .id_salt("import-preview")
            .show(ui, |ui| {
                egui::Grid::new("import-preview-grid")
                    .striped(true)
                    .show(ui, |ui| {
                        let mut header_ids = Vec::new();
                        for h in &self.preview.headers {
                            header_ids.push(ui.strong(h.as_str()).id);
                        }
                        ui.end_row();
                        for (i, id) in header_ids.into_iter().enumerate() {
                            let current = self.roles[i];
                            let r = egui::ComboBox::from_id_salt(("import-role", i))
                                .selected_text(current.label(lang))
                                .width(120.0)
                                .show_ui(ui, |ui| {
                                    for role in Role::for_layout(self.layout) {
                                        if ui
                                            .selectable_label(current == *role, role.label(lang))
                                            .clicked()
                                        {
                                            change = Some((i, *role));
                                        }
                                    }
                                });
                            r.response.labelled_by(id);
                        }
                        ui.end_row();
                        for row in self.preview.rows.iter().take(PREVIEW_ROWS) {
                            for i in 0..self.preview.headers.len() {
                                ui.label(row.get(i).map_or("", String::as_str));
                            }
                            ui.end_row();
                        }
                    });
            });
        if let Some((i, role)) = change {
            self.set_role(i, role);
        }
    }

    pub(super) fn constants_ui(&mut self, ui: &mut egui::Ui, lang: Lang) {
        let has = |r: Role| self.roles.contains(&r);
        let (region, channel, period) = (has(Role::Region), has(Role::Channel), has(Role::Period));
        let indicator = has(Role::Indicator)
            || matches!(
                self.layout,
                Layout::WideIndicators | Layout::Owid | Layout::SurveyAnswers | Layout::ContactLog
            );
        if region && channel && period && indicator {
            return;
        }
        ui.separator();
        ui.label(Msg::ForTheWholeFileNo.get(lang));
        let mut indicator_changed = false;
        egui::Grid::new("import-constants").show(ui, |ui| {
            if !region {
                let l = ui.label(Msg::RegionOfEveryRow.get(lang));
                let text = self.region_constant.as_ref().map_or_else(
                    || Msg::Choose.get(lang).to_owned(),
                    |id| self.region_name(id, lang),
                );
                let r = egui::ComboBox::from_id_salt("import-region-constant")
                    .selected_text(text)
                    .show_ui(ui, |ui| {
                        for reg in self.catalog.regions().iter() {
                            ui.selectable_value(
                                &mut self.region_constant,
                                Some(reg.id.clone()),
                                reg.name.get(lang),
                            );
                        }
                    });
                r.response.labelled_by(l.id);
                ui.end_row();
            }
            if !channel {
                let l = ui.label(Msg::ChannelOfEveryRow.get(lang));
                let all = Msg::AllChannelsLower.get(lang);
                let text = self.channel_constant.as_ref().map_or(all.to_owned(), |id| {
                    self.catalog
                        .channels()
                        .get(id.as_str())
                        .map_or(id.to_string(), |c| c.name.get(lang).to_owned())
                });
                let r = egui::ComboBox::from_id_salt("import-channel-constant")
                    .selected_text(text)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut self.channel_constant, None, all);
                        for ch in self.catalog.channels().iter() {
                            ui.selectable_value(
                                &mut self.channel_constant,
                                Some(ch.id.clone()),
                                ch.name.get(lang),
                            );
                        }
                    });
                r.response.labelled_by(l.id);
                ui.end_row();
            }
            if !indicator {
                let l = ui.label(Msg::IndicatorOfEveryRow.get(lang));
                indicator_changed = ui
                    .add(
                        egui::TextEdit::singleline(&mut self.indicator_constant)
                            .hint_text(Msg::IdOrNameEG.get(lang)),
                    )
                    .labelled_by(l.id)
                    .changed();
                ui.end_row();
            }
            if !period {
                let l = ui.label(Msg::PeriodOfEveryRow.get(lang));
                ui.add(
                    egui::TextEdit::singleline(&mut self.period_constant)
                        .hint_text("2024, 2024-Q1, 2024-07"),
                )
                .labelled_by(l.id);
                ui.end_row();
            }
        });
        if indicator_changed {
            self.refresh_names();
        }
    }

    /// Contact logs: each outcome value found, and what it means.
    pub(super) fn outcomes_ui(&mut self, ui: &mut egui::Ui, lang: Lang) {
        if self.outcome_codes.is_empty() {
            return;
        }
        ui.add_space(6.0);
        ui.strong(Msg::OutcomeCodes.get(lang));
        let choices = [
            (None, Msg::NotSaid.get(lang)),
            (Some(import::OutcomeCode::Answered), Msg::Answered.get(lang)),
            (
                Some(import::OutcomeCode::Abandoned),
                Msg::Abandoned.get(lang),
            ),
            (
                Some(import::OutcomeCode::Ignore),
                Msg::IgnoreNotAContact.get(lang),
            ),
        ];
        egui::Grid::new("outcome-codes").show(ui, |ui| {
            for (value, code) in &mut self.outcome_codes {
                let l = ui.label(value.as_str());
                let shown = choices
                    .iter()
                    .find(|(c, _)| c == code)
                    .map_or("", |(_, l)| *l);
                egui::ComboBox::from_id_salt(("outcome", value.as_str()))
                    .selected_text(shown)
                    .show_ui(ui, |ui| {
                        for (c, label) in choices {
                            ui.selectable_value(code, c, label);
                        }
                    })
                    .response
                    .labelled_by(l.id);
                ui.end_row();
            }
        });
    }

    pub(super) fn regions_ui(&mut self, ui: &mut egui::Ui, lang: Lang) {
        if self.regions.is_empty() {
            return;
        }
        ui.separator();
        let unknown = self.regions.iter().filter(|r| r.known.is_none()).count();
        ui.label(Msg::RegionNamesHeading.fill(lang, &[&self.regions.len(), &unknown]));
        let mut changes = Vec::new();
        egui::Grid::new("import-regions")
            .striped(true)
            .show(ui, |ui| {
                for (i, row) in self.regions.iter().enumerate() {
                    let l = ui.label(row.name.as_str());
                    let text = self.choice_label(&row.choice, lang);
                    let r = egui::ComboBox::from_id_salt(("import-region", i))
                        .selected_text(text)
                        .width(200.0)
                        .show_ui(ui, |ui| {
                            let mut offer =
                                |ui: &mut egui::Ui, choice: RegionChoice, label: String| {
                                    if ui.selectable_label(row.choice == choice, label).clicked() {
                                        changes.push((i, choice));
                                    }
                                };
                            let mut listed = Vec::new();
                            if let Some(id) = &row.known {
                                offer(
                                    ui,
                                    RegionChoice::Existing(id.clone()),
                                    self.region_name(id, lang),
                                );
                                listed.push(id.clone());
                            }
                            for (id, score) in &row.suggestions {
                                let label = format!(
                                    "{} ({:.0} %)",
                                    self.region_name(id, lang),
                                    score * 100.0
                                );
                                offer(ui, RegionChoice::Existing(id.clone()), label);
                                listed.push(id.clone());
                            }
                            offer(
                                ui,
                                RegionChoice::NewCountry,
                                self.choice_label(&RegionChoice::NewCountry, lang),
                            );
                            offer(
                                ui,
                                RegionChoice::NewGroup,
                                self.choice_label(&RegionChoice::NewGroup, lang),
                            );
                            ui.separator();
                            for reg in self.catalog.regions().iter() {
                                if !listed.contains(&reg.id) {
                                    offer(
                                        ui,
                                        RegionChoice::Existing(reg.id.clone()),
                                        format!("{} ", reg.name.get(lang)),
                                    );
                                }
                            }
                        });
                    r.response.labelled_by(l.id);
                    if row.known.is_some() {
                        ui.weak(Msg::Recognised.get(lang));
                    } else {
                        ui.colored_label(ui.visuals().warn_fg_color, Msg::NotRecognised.get(lang));
                    }
                    ui.end_row();
                }
            });
        for (i, choice) in changes {
            if let Some(r) = self.regions.get_mut(i) {
                r.choice = choice;
            }
        }
    }

    pub(super) fn indicators_ui(&mut self, ui: &mut egui::Ui, lang: Lang) {
        if self.indicators.is_empty() {
            return;
        }
        ui.separator();
        ui.label(Msg::IndicatorsNotInTheCatalogue.get(lang));
        let catalog = &self.catalog;
        egui::Grid::new("import-indicators")
            .striped(true)
            .show(ui, |ui| {
                for (i, d) in self.indicators.iter_mut().enumerate() {
                    let l = ui.label(d.name.as_str());
                    let new_text = Msg::NewIndicator.get(lang);
                    let text = d.existing.as_ref().map_or(new_text.to_owned(), |id| {
                        catalog
                            .indicators()
                            .get(id.as_str())
                            .map_or(id.to_string(), |x| x.name.get(lang).to_owned())
                    });
                    egui::ComboBox::from_id_salt(("import-indicator", i))
                        .selected_text(text)
                        .width(220.0)
                        .show_ui(ui, |ui| {
                            ui.selectable_value(&mut d.existing, None, new_text);
                            ui.separator();
                            for ind in catalog.indicators().iter() {
                                ui.selectable_value(
                                    &mut d.existing,
                                    Some(ind.id.clone()),
                                    ind.name.get(lang),
                                );
                            }
                        })
                        .response
                        .labelled_by(l.id);
                    if d.existing.is_none() {
                        ui.horizontal(|ui| {
                            let lid = ui.label(Msg::Id.get(lang));
                            ui.add(egui::TextEdit::singleline(&mut d.id).desired_width(120.0))
                                .labelled_by(lid.id);
                            let lname = ui.label(Msg::Name.get(lang));
                            ui.add(egui::TextEdit::singleline(&mut d.label).desired_width(160.0))
                                .labelled_by(lname.id);
                            egui::ComboBox::from_id_salt(("import-unit", i))
                                .selected_text(d.unit.label(lang))
                                .width(110.0)
                                .show_ui(ui, |ui| {
                                    for u in UnitKind::ALL {
                                        ui.selectable_value(&mut d.unit, u, u.label(lang));
                                    }
                                })
                                .response
                                .on_hover_text(Msg::Unit.get(lang));
                            match d.unit {
                                UnitKind::Score => {
                                    ui.label(Msg::WordFrom.get(lang));
                                    ui.add(egui::DragValue::new(&mut d.min).speed(1.0));
                                    ui.label(Msg::To.get(lang));
                                    ui.add(egui::DragValue::new(&mut d.max).speed(1.0));
                                }
                                UnitKind::Currency => {
                                    ui.add(
                                        egui::TextEdit::singleline(&mut d.currency)
                                            .desired_width(48.0)
                                            .hint_text("EUR"),
                                    );
                                }
                                _ => {}
                            }
                            egui::ComboBox::from_id_salt(("import-direction", i))
                                .selected_text(direction_label(d.direction, lang))
                                .width(130.0)
                                .show_ui(ui, |ui| {
                                    for dir in [
                                        Direction::HigherIsBetter,
                                        Direction::LowerIsBetter,
                                        Direction::Neutral,
                                    ] {
                                        ui.selectable_value(
                                            &mut d.direction,
                                            dir,
                                            direction_label(dir, lang),
                                        );
                                    }
                                })
                                .response
                                .on_hover_text(Msg::Direction.get(lang));
                        });
                    } else {
                        ui.label("");
                    }
                    ui.end_row();
                }
            });
    }
}
