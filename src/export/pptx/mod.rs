/*!
PowerPoint export: a `.pptx` package with one slide per chart, written with the `zip` crate
and, for each native chart, its data as an embedded workbook (`rust_xlsxwriter`), the way
python-pptx and PptxGenJS write them (ECMA-376): `ppt/charts/chartN.xml` with a relationship
to `ppt/embeddings/Microsoft_Excel_Worksheet_N.xlsx`, referenced from the slide's graphic
frame, every part declared in `[Content_Types].xml`.

- Native charts ([`ChartMode::Native`], the default): bars by channel and by indicator become
  clustered columns, rankings horizontal bars, lines line charts, scatters XY charts, radars
  radar charts; heat tables become tables with cell fills; other kinds (coverage) a picture.
- Pictures ([`ChartMode::Picture`]): the PNG with the SVG attached, which Office 2016 and
  later show as vectors.
- A template ([`PptxOptions::template`]): the user's masters, layouts and theme.

Same input, same bytes: fixed zip dates, parts in a fixed order, no random ids.
*/

mod base;
mod chart_xml;
pub mod data;
mod package;
mod slide;
mod table;
pub mod template;
mod workbook;
mod xml;

pub use base::SlideSize;
pub use template::{TemplateError, TemplateProblem};

use super::{Background, ExportError, ExportOptions, Size};
use crate::chart::figure::Figure;
use crate::io::atomic::write_atomic;
use crate::model::Dataset;
use package::{Package, Relationship, ct, rel};
use slide::Body;
use std::path::{Path, PathBuf};

/// How charts are put on slides.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum ChartMode {
    /// Native, editable charts (tables for heat tables).
    #[default]
    Native,
    /// Pictures: PNG with the SVG attached.
    Picture,
}

impl super::Keyword for ChartMode {
    const WORDS: &'static [(&'static str, ChartMode)] = &[
        ("native", ChartMode::Native),
        ("picture", ChartMode::Picture),
        ("image", ChartMode::Picture),
    ];
}

/// PowerPoint-specific options.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PptxOptions {
    /// Native charts or pictures.
    pub charts: ChartMode,
    /// A presentation or template whose first layout with a title placeholder the slides use.
    pub template: Option<PathBuf>,
}

/// One slide to write.
#[derive(Clone, Debug)]
pub struct SlideInput<'a> {
    /// The chart.
    pub fig: &'a Figure,
    /// Size (the first slide's gives the slide size), background, value labels.
    pub options: ExportOptions,
    /// Full citations of the sources shown, for the speaker notes ([`citations`]).
    pub citations: Vec<String>,
}

/// The full citations of the sources of `fig`'s values, in order of first use: publisher,
/// author, title, date and address.
pub fn citations(ds: &Dataset, fig: &Figure) -> Vec<String> {
    let lang = fig.locale.lang();
    let mut ids: Vec<&str> = Vec::new();
    for p in fig.series.iter().flat_map(|s| s.points.iter()) {
        if !ids.contains(&p.source.as_str()) {
            ids.push(&p.source);
        }
    }
    ids.iter()
        .filter_map(|id| ds.sources().get(id))
        .map(|s| {
            let mut c = s.publisher.clone();
            if let Some(a) = &s.author {
                c.push_str(&format!(", {a}"));
            }
            c.push_str(&format!(", “{}” ({})", s.title_in(lang), s.date));
            if let Some(addr) = &s.address {
                c.push_str(&format!(", {addr}"));
            }
            format!("[{}] {c}", s.id)
        })
        .collect()
}

fn internal(what: impl std::fmt::Display) -> ExportError {
    ExportError::Pptx(what.to_string())
}

/// The base package: the user's template or the default one, the layout slides use, its title
/// placeholder type, the slide size.
struct Base {
    pkg: Package,
    layout: String,
    title_type: String,
    size: SlideSize,
    template: Option<template::Template>,
}

fn base(slides: &[SlideInput<'_>], opts: &PptxOptions) -> Result<Base, ExportError> {
    match &opts.template {
        Some(path) => {
            let mut t = template::read(path)?;
            let pkg = std::mem::take(&mut t.pkg);
            Ok(Base {
                pkg,
                layout: t.layout.clone(),
                title_type: t.title_type.clone(),
                size: t.size,
                template: Some(t),
            })
        }
        None => {
            let first = slides.first().map(|s| s.options.size).unwrap_or_default();
            let size = SlideSize::for_aspect(first.width_px, first.height_px);
            let mut pkg = Package::new();
            let layout = base::add_default_template(&mut pkg, size);
            Ok(Base {
                pkg,
                layout,
                title_type: "title".into(),
                size,
                template: None,
            })
        }
    }
}

/// `../` path from a part in `ppt/slides/` (or `ppt/charts/`…) to a part under `ppt/`.
fn up(part: &str) -> String {
    format!("../{}", part.trim_start_matches("ppt/"))
}

/// The bytes of a `.pptx` with one slide per input, in order.
pub fn render_pptx(slides: &[SlideInput<'_>], opts: &PptxOptions) -> Result<Vec<u8>, ExportError> {
    let Base {
        mut pkg,
        layout,
        title_type,
        size,
        template,
    } = base(slides, opts)?;
    pkg.defaults.insert("xlsx".into(), ct::XLSX.into());
    pkg.defaults.insert("png".into(), ct::PNG.into());
    pkg.defaults.insert("svg".into(), ct::SVG.into());
    // notes pages need a notes master
    let notes_master = match &template {
        Some(t) if t.has_notes_master => t
            .rels
            .iter()
            .find(|r| rel::is(&r.ty, "notesMaster"))
            .map(|r| {
                format!(
                    "ppt/{}",
                    r.target.trim_start_matches('/').trim_start_matches("ppt/")
                )
            })
            .unwrap_or_else(|| "ppt/notesMasters/notesMaster1.xml".into()),
        Some(_) => {
            let (part, _) = pkg.free_name("ppt/notesMasters/notesMaster", ".xml");
            let (theme, _) = pkg.free_name("ppt/theme/theme", ".xml");
            base::add_notes_master(&mut pkg, &part, &theme);
            part
        }
        None => "ppt/notesMasters/notesMaster1.xml".into(),
    };
    let mut slide_parts = Vec::new();
    for input in slides {
        let (part, _) = pkg.free_name("ppt/slides/slide", ".xml");
        let place = slide::Place {
            size,
            title_type: &title_type,
            title_bottom: template.as_ref().and_then(|t| t.title_bottom),
        };
        add_slide(
            &mut pkg,
            input,
            opts.charts,
            &part,
            &layout,
            &place,
            &notes_master,
        )?;
        slide_parts.push(part);
    }
    match template {
        None => base::finish_presentation(&mut pkg, size, &slide_parts),
        Some(t) => {
            let mut rels = t.rels.clone();
            let fresh = |k: usize| format!("rIdSs{k}");
            let mut ids = Vec::new();
            for (i, part) in slide_parts.iter().enumerate() {
                rels.push(Relationship {
                    id: fresh(i + 1),
                    ty: rel::SLIDE.into(),
                    target: part.trim_start_matches("ppt/").to_owned(),
                });
                ids.push((256 + i as u32, fresh(i + 1)));
            }
            let notes_rid = (!t.has_notes_master).then(|| {
                rels.push(Relationship {
                    id: "rIdSsNotes".into(),
                    ty: rel::NOTES_MASTER.into(),
                    target: notes_master.trim_start_matches("ppt/").to_owned(),
                });
                "rIdSsNotes"
            });
            let xml = template::rewrite_presentation(&t.presentation, &ids, notes_rid).ok_or_else(
                || {
                    ExportError::Template(TemplateError {
                        path: opts.template.clone().unwrap_or_default(),
                        problem: template::TemplateProblem::NoSlideLists,
                    })
                },
            )?;
            pkg.put(
                "ppt/presentation.xml",
                xml.into_bytes(),
                Some(ct::PRESENTATION),
            );
            pkg.put_rels("ppt/presentation.xml", &rels);
        }
    }
    pkg.to_zip().map_err(internal)
}

fn add_slide(
    pkg: &mut Package,
    input: &SlideInput<'_>,
    mode: ChartMode,
    part: &str,
    layout: &str,
    place: &slide::Place<'_>,
    notes_master: &str,
) -> Result<(), ExportError> {
    let fig = input.fig;
    let lang = fig.locale.tag();
    let size = place.size;
    let (_, body_frame, _) = slide::frames(size, place.title_bottom);
    let mut rels = vec![Relationship {
        id: "rId1".into(),
        ty: rel::SLIDE_LAYOUT.into(),
        target: up(layout),
    }];
    let native = (mode == ChartMode::Native)
        .then(|| data::chart_data(fig, input.options.value_labels))
        .flatten();
    let heat = mode == ChartMode::Native && fig.kind == crate::chart::ChartKind::HeatTable;
    let (body, frame, footnote) = if let Some(d) = native {
        let (chart, n) = pkg.free_name("ppt/charts/chart", ".xml");
        let book = format!("ppt/embeddings/Microsoft_Excel_Worksheet_{n}.xlsx");
        pkg.put(
            &chart,
            chart_xml::chart_xml(&d, lang).into_bytes(),
            Some(ct::CHART),
        );
        pkg.put_rels(
            &chart,
            &[Relationship {
                id: "rId1".into(),
                ty: rel::PACKAGE.into(),
                target: up(&book),
            }],
        );
        pkg.put(&book, workbook::workbook(&d, fig).map_err(internal)?, None);
        rels.push(Relationship {
            id: "rId3".into(),
            ty: rel::CHART.into(),
            target: up(&chart),
        });
        (Body::Chart("rId3".into()), body_frame, true)
    } else if heat {
        let (xml, cy) = table::heat_table(fig, body_frame.cx, body_frame.cy);
        let frame = slide::Frame {
            cy: cy.min(body_frame.cy),
            ..body_frame
        };
        (Body::Table(xml), frame, true)
    } else {
        // a picture of the chart without its title and subtitle (they are on the slide)
        let mut bare = fig.clone();
        bare.title.clear();
        bare.subtitle.clear();
        let px = |emu: i64| ((emu as f64) / xml::EMU_PER_INCH as f64 * 150.0).round() as u32;
        let options = ExportOptions {
            size: Size {
                width_px: px(body_frame.cx).clamp(100, 8192),
                height_px: px(body_frame.cy + size.cy * 150 / 1000).clamp(100, 8192),
                dpi: 150,
            },
            background: Background::White,
            value_labels: input.options.value_labels,
            ..ExportOptions::default()
        };
        let png = super::render(&bare, &options, super::Format::Png)?;
        let svg = super::render_svg(&bare, &options);
        let (png_part, n) = pkg.free_name("ppt/media/image", ".png");
        let svg_part = format!("ppt/media/image{n}.svg");
        pkg.put(&png_part, png, None);
        pkg.put(&svg_part, svg.into_bytes(), None);
        rels.push(Relationship {
            id: "rId3".into(),
            ty: rel::IMAGE.into(),
            target: up(&png_part),
        });
        rels.push(Relationship {
            id: "rId4".into(),
            ty: rel::IMAGE.into(),
            target: up(&svg_part),
        });
        let frame = slide::Frame {
            cy: body_frame.cy + size.cy * 150 / 1000,
            ..body_frame
        };
        (
            Body::Picture {
                png: "rId3".into(),
                svg: "rId4".into(),
            },
            frame,
            false,
        )
    };
    // the notes page
    let notes_part = part.replace("ppt/slides/slide", "ppt/notesSlides/notesSlide");
    let lines = slide::notes_text(fig, &input.citations);
    pkg.put(
        &notes_part,
        slide::notes_xml(&lines, lang).into_bytes(),
        Some(ct::NOTES_SLIDE),
    );
    pkg.put_rels(
        &notes_part,
        &[
            Relationship {
                id: "rId1".into(),
                ty: rel::NOTES_MASTER.into(),
                target: up(notes_master),
            },
            Relationship {
                id: "rId2".into(),
                ty: rel::SLIDE.into(),
                target: up(part),
            },
        ],
    );
    rels.push(Relationship {
        id: "rId2".into(),
        ty: rel::NOTES_SLIDE.into(),
        target: up(&notes_part),
    });
    let xml = slide::slide_xml(fig, place, &body, frame, footnote);
    pkg.put(part, xml.into_bytes(), Some(ct::SLIDE));
    pkg.put_rels(part, &rels);
    Ok(())
}

/// Renders the slides and writes them atomically to `path` (a temporary file, then a
/// rename); with `overwrite == false` an existing file is an error and is left untouched.
pub fn write_pptx(
    slides: &[SlideInput<'_>],
    opts: &PptxOptions,
    path: &Path,
    overwrite: bool,
) -> Result<(), ExportError> {
    crate::io::atomic::refuse_taken(path, overwrite)?;
    let bytes = render_pptx(slides, opts)?;
    write_atomic(path, &bytes, overwrite)?;
    Ok(())
}
