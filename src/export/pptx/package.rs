//! The OPC package: parts in a fixed order, `[Content_Types].xml` (defaults by extension,
//! overrides by part name), relationship parts, and the zip written with fixed timestamps so
//! that the same input gives the same bytes.

use super::xml::{DECLARATION, esc};
use std::collections::BTreeMap;
use std::io::Write;

/// Relationship type URIs (ECMA-376 part 1, 15.2).
pub mod rel {
    const BASE: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    /// Main document of the package.
    pub const OFFICE_DOCUMENT: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
    /// Core properties.
    pub const CORE: &str =
        "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";
    /// Extended (application) properties.
    pub const EXTENDED: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties";
    /// A slide.
    pub const SLIDE: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide";
    /// A slide layout.
    pub const SLIDE_LAYOUT: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/slideLayout";
    /// A slide master.
    pub const SLIDE_MASTER: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/slideMaster";
    /// The notes master.
    pub const NOTES_MASTER: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/notesMaster";
    /// A notes slide.
    pub const NOTES_SLIDE: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/notesSlide";
    /// A theme.
    pub const THEME: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme";
    /// Presentation properties.
    pub const PRES_PROPS: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/presProps";
    /// View properties.
    pub const VIEW_PROPS: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/viewProps";
    /// Table styles.
    pub const TABLE_STYLES: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/tableStyles";
    /// A chart.
    pub const CHART: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";
    /// An embedded package (the chart's workbook).
    pub const PACKAGE: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/package";
    /// An image.
    pub const IMAGE: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";
    /// Whether `ty` is `BASE/<name>`.
    pub fn is(ty: &str, name: &str) -> bool {
        ty.strip_prefix(BASE)
            .and_then(|t| t.strip_prefix('/'))
            .is_some_and(|t| t == name)
    }
}

/// Content types of the parts we write.
pub mod ct {
    /// presentation.xml.
    pub const PRESENTATION: &str =
        "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml";
    /// A slide.
    pub const SLIDE: &str =
        "application/vnd.openxmlformats-officedocument.presentationml.slide+xml";
    /// A slide layout.
    pub const LAYOUT: &str =
        "application/vnd.openxmlformats-officedocument.presentationml.slideLayout+xml";
    /// A slide master.
    pub const MASTER: &str =
        "application/vnd.openxmlformats-officedocument.presentationml.slideMaster+xml";
    /// The notes master.
    pub const NOTES_MASTER: &str =
        "application/vnd.openxmlformats-officedocument.presentationml.notesMaster+xml";
    /// A notes slide.
    pub const NOTES_SLIDE: &str =
        "application/vnd.openxmlformats-officedocument.presentationml.notesSlide+xml";
    /// A theme.
    pub const THEME: &str = "application/vnd.openxmlformats-officedocument.theme+xml";
    /// Presentation properties.
    pub const PRES_PROPS: &str =
        "application/vnd.openxmlformats-officedocument.presentationml.presProps+xml";
    /// View properties.
    pub const VIEW_PROPS: &str =
        "application/vnd.openxmlformats-officedocument.presentationml.viewProps+xml";
    /// Table styles.
    pub const TABLE_STYLES: &str =
        "application/vnd.openxmlformats-officedocument.presentationml.tableStyles+xml";
    /// A chart.
    pub const CHART: &str = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
    /// Core properties.
    pub const CORE: &str = "application/vnd.openxmlformats-package.core-properties+xml";
    /// Extended properties.
    pub const EXTENDED: &str =
        "application/vnd.openxmlformats-officedocument.extended-properties+xml";
    /// Relationship parts (default for `.rels`).
    pub const RELS: &str = "application/vnd.openxmlformats-package.relationships+xml";
    /// Plain XML (default for `.xml`).
    pub const XML: &str = "application/xml";
    /// An XLSX workbook (default for `.xlsx`).
    pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /// PNG images.
    pub const PNG: &str = "image/png";
    /// SVG images.
    pub const SVG: &str = "image/svg+xml";
}

/// One relationship of a part.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Relationship {
    /// `rId…`, unique within the part.
    pub id: String,
    /// Relationship type URI.
    pub ty: String,
    /// Target, relative to the source part's folder.
    pub target: String,
}

/// The XML of a relationship part.
pub fn rels_xml(rels: &[Relationship]) -> String {
    let mut out = String::from(DECLARATION);
    out.push_str(
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
    );
    for r in rels {
        out.push_str(&format!(
            "<Relationship Id=\"{}\" Type=\"{}\" Target=\"{}\"/>",
            esc(&r.id),
            esc(&r.ty),
            esc(&r.target)
        ));
    }
    out.push_str("</Relationships>");
    out
}

/// The relationship part's name for a part: `ppt/slides/slide1.xml` →
/// `ppt/slides/_rels/slide1.xml.rels`.
pub fn rels_name(part: &str) -> String {
    match part.rsplit_once('/') {
        Some((dir, file)) => format!("{dir}/_rels/{file}.rels"),
        None => format!("_rels/{part}.rels"),
    }
}

/// A package being assembled: parts by name (written in insertion order) and content types.
#[derive(Debug, Default)]
pub struct Package {
    parts: Vec<(String, Vec<u8>)>,
    /// Content type by extension (lowercase, no dot).
    pub defaults: BTreeMap<String, String>,
    /// Content type by part name (without the leading `/`).
    pub overrides: BTreeMap<String, String>,
}

impl Package {
    /// A package with the defaults every package needs (`rels`, `xml`).
    pub fn new() -> Package {
        let mut p = Package::default();
        p.defaults.insert("rels".into(), ct::RELS.into());
        p.defaults.insert("xml".into(), ct::XML.into());
        p
    }

    /// Adds or replaces a part with an override content type (`None`: the extension's
    /// default applies).
    pub fn put(&mut self, name: &str, bytes: Vec<u8>, content_type: Option<&str>) {
        if let Some(t) = content_type {
            self.overrides.insert(name.to_owned(), t.to_owned());
        }
        match self.parts.iter_mut().find(|(n, _)| n == name) {
            Some(slot) => slot.1 = bytes,
            None => self.parts.push((name.to_owned(), bytes)),
        }
    }

    /// Adds a relationship part for `part`.
    pub fn put_rels(&mut self, part: &str, rels: &[Relationship]) {
        self.put(&rels_name(part), rels_xml(rels).into_bytes(), None);
    }

    /// Whether a part of that name exists.
    pub fn has(&self, name: &str) -> bool {
        self.parts.iter().any(|(n, _)| n == name)
    }

    /// The bytes of a part.
    pub fn get(&self, name: &str) -> Option<&[u8]> {
        self.parts
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, b)| b.as_slice())
    }

    /// Removes every part whose name `drop` accepts (and its override).
    pub fn remove_where(&mut self, drop: impl Fn(&str) -> bool) {
        self.parts.retain(|(n, _)| !drop(n));
        self.overrides.retain(|n, _| !drop(n));
    }

    /// The first `prefix{N}suffix` (N from 1) not yet used.
    pub fn free_name(&self, prefix: &str, suffix: &str) -> (String, usize) {
        (1..)
            .map(|n| (format!("{prefix}{n}{suffix}"), n))
            .find(|(name, _)| !self.has(name))
            .unwrap_or_else(|| (format!("{prefix}x{suffix}"), 0))
    }

    fn content_types_xml(&self) -> String {
        let mut out = String::from(DECLARATION);
        out.push_str(
            "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">",
        );
        for (ext, t) in &self.defaults {
            out.push_str(&format!(
                "<Default Extension=\"{}\" ContentType=\"{}\"/>",
                esc(ext),
                esc(t)
            ));
        }
        for (name, t) in &self.overrides {
            out.push_str(&format!(
                "<Override PartName=\"/{}\" ContentType=\"{}\"/>",
                esc(name),
                esc(t)
            ));
        }
        out.push_str("</Types>");
        out
    }

    /// The zip bytes: `[Content_Types].xml` first, then the parts in insertion order, every
    /// entry deflated and dated 1980-01-01 (the zip epoch), so equal packages give equal bytes.
    pub fn to_zip(&self) -> Result<Vec<u8>, zip::result::ZipError> {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .last_modified_time(zip::DateTime::default())
            .unix_permissions(0o644);
        zip.start_file("[Content_Types].xml", options)?;
        zip.write_all(self.content_types_xml().as_bytes())?;
        for (name, bytes) in &self.parts {
            zip.start_file(name.as_str(), options)?;
            zip.write_all(bytes)?;
        }
        Ok(zip.finish()?.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rels_names_and_free_names() {
        assert_eq!(
            rels_name("ppt/slides/slide1.xml"),
            "ppt/slides/_rels/slide1.xml.rels"
        );
        assert_eq!(rels_name("[x].xml"), "_rels/[x].xml.rels");
        let mut p = Package::new();
        p.put("ppt/charts/chart1.xml", Vec::new(), Some(ct::CHART));
        assert_eq!(p.free_name("ppt/charts/chart", ".xml").1, 2);
        assert!(rel::is(rel::SLIDE, "slide"));
        assert!(!rel::is(rel::SLIDE_LAYOUT, "slide"));
    }
}
