/*!
A whole deck in one file (`servicescope export --deck DECK.ron --out deck.pdf` or `deck.pptx`): one page (or
slide) per chart, in the deck's order. [`DeckFileFormat`] lists the formats that hold several
charts; adding one is one word in its [`super::Keyword::WORDS`], [`DeckFileFormat::extension`] and
[`render_deck_file`].
*/

use super::pdf_pages::{self, PageSvg};
use super::{ExportError, ExportOptions};
use crate::chart::Figure;

/// A file format holding every chart of a deck.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DeckFileFormat {
    /// One PDF, one page per chart, each page the chart's own size.
    Pdf,
    /// One PowerPoint presentation, one slide per chart, native charts ([`super::pptx`]).
    Pptx,
}

impl super::Keyword for DeckFileFormat {
    const WORDS: &'static [(&'static str, DeckFileFormat)] =
        &[("pdf", DeckFileFormat::Pdf), ("pptx", DeckFileFormat::Pptx)];
}

impl DeckFileFormat {
    /// Every format, for messages.
    pub const ALL: [DeckFileFormat; 2] = [DeckFileFormat::Pdf, DeckFileFormat::Pptx];

    /// File extension (lowercase, without the dot).
    pub fn extension(self) -> &'static str {
        match self {
            DeckFileFormat::Pdf => "pdf",
            DeckFileFormat::Pptx => "pptx",
        }
    }

    /// The extensions accepted, for messages: `.pdf`.
    pub fn accepted() -> String {
        DeckFileFormat::ALL
            .iter()
            .map(|f| format!(".{}", f.extension()))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The bytes of one file holding every chart of a deck, in order: each figure drawn with its
/// own options (size, background, value labels).
pub fn render_deck_file(
    charts: &[(&Figure, &ExportOptions)],
    format: DeckFileFormat,
) -> Result<Vec<u8>, ExportError> {
    match format {
        DeckFileFormat::Pdf => {
            let pages: Vec<PageSvg> = charts
                .iter()
                .map(|(fig, opts)| PageSvg {
                    svg: super::render_svg(fig, opts),
                    dpi: opts.size.dpi,
                })
                .collect();
            pdf_pages::to_pdf_pages(&pages)
        }
        // native charts, default template, speaker notes without the full citations (the
        // command line passes the dataset's citations and its options through `pptx`)
        DeckFileFormat::Pptx => {
            let slides: Vec<super::pptx::SlideInput<'_>> = charts
                .iter()
                .map(|(fig, opts)| super::pptx::SlideInput {
                    fig,
                    options: **opts,
                    citations: Vec::new(),
                })
                .collect();
            super::pptx::render_pptx(&slides, &super::pptx::PptxOptions::default())
        }
    }
}
