//! `--template FILE.pptx`: the user's presentation (or `.potx` template) as the base of the
//! export. Its masters, layouts, theme, media and properties are kept; its own slides are
//! left out; our slides use its first slide layout (in file-name order) that has a title
//! placeholder, and its slide size. Reading is bounded with the workbook guard's limits
//! (total inflated size, compression ratio), and anything that is not a PowerPoint package is
//! refused with the file and what was expected ([`TemplateError`], said in the reader's
//! language).

mod problem;

pub use problem::{TemplateError, TemplateProblem, XmlFault};

use super::base::SlideSize;
use super::package::{Package, Relationship, ct, rel, rels_name};
use crate::io::import::guard::{MAX_COMPRESSION_RATIO, MAX_UNZIPPED_BYTES};
use quick_xml::events::Event;
use std::io::Read;
use std::path::Path;

/// Largest template file read (200 MiB).
pub const MAX_TEMPLATE_BYTES: u64 = 200 * 1024 * 1024;

/// Entries at most this large are not held to the compression ratio.
const RATIO_FREE_BYTES: u64 = 1024 * 1024;

/// Content type of a `.potx` template's main part.
const TEMPLATE_MAIN: &str =
    "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml";

/// A template read into memory, ready to receive slides.
#[derive(Debug)]
pub struct Template {
    /// Its parts, without its slides and notes pages.
    pub pkg: Package,
    /// The layout our slides use.
    pub layout: String,
    /// Its title placeholder type (`title` or `ctrTitle`).
    pub title_type: String,
    /// Slide size.
    pub size: SlideSize,
    /// presentation.xml as read.
    pub presentation: String,
    /// presentation.xml's relationships without the slides.
    pub rels: Vec<Relationship>,
    /// Whether it has a notes master.
    pub has_notes_master: bool,
    /// Bottom edge (EMU) of the title placeholder of the chosen layout, or of its master when
    /// the layout inherits the position.
    pub title_bottom: Option<i64>,
}

/// Bottom edge of the `title_type` placeholder's box in a layout or master part, when the part
/// gives it (`a:off` y + `a:ext` cy of the shape's own `a:xfrm`).
pub fn placeholder_bottom(xml: &str, title_type: &str) -> Option<i64> {
    let at = xml.find(&format!("<p:ph type=\"{title_type}\""))?;
    let shape = &xml[at..];
    let shape = &shape[..shape.find("</p:sp>")?];
    let spp = &shape[shape.find("<p:spPr")?..];
    let num = |tag: &str, name: &str| -> Option<i64> {
        let t = &spp[spp.find(tag)?..];
        let a = &t[t.find(&format!(" {name}=\""))? + name.len() + 3..];
        a[..a.find('"')?].parse().ok()
    };
    Some(num("<a:off", "y")? + num("<a:ext", "cy")?)
}

fn attrs(e: &quick_xml::events::BytesStart<'_>) -> Vec<(String, String)> {
    e.attributes()
        .flatten()
        .map(|a| {
            (
                a.key.local_name().into_inner().to_owned(),
                a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .map(|v| v.into_owned())
                    .unwrap_or_default(),
            )
        })
        .collect()
}

fn attr<'a>(list: &'a [(String, String)], name: &str) -> Option<&'a str> {
    list.iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// Every element named `local` in `xml`, with its attributes.
pub fn elements(xml: &str, local: &str) -> Result<Vec<Vec<(String, String)>>, XmlFault> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = Vec::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => {
                if e.local_name().into_inner() == local {
                    out.push(attrs(&e));
                }
            }
            Ok(Event::Eof) => return Ok(out),
            Ok(_) => {}
            Err(e) => {
                return Err(XmlFault {
                    byte_pos: reader.error_position(),
                    detail: e.to_string(),
                });
            }
        }
    }
}

/// The relationships of a relationship part.
pub fn parse_rels(xml: &str) -> Result<Vec<Relationship>, XmlFault> {
    Ok(elements(xml, "Relationship")?
        .iter()
        .map(|a| Relationship {
            id: attr(a, "Id").unwrap_or_default().to_owned(),
            ty: attr(a, "Type").unwrap_or_default().to_owned(),
            target: attr(a, "Target").unwrap_or_default().to_owned(),
        })
        .collect())
}

fn layout_number(name: &str) -> Option<u32> {
    name.strip_prefix("ppt/slideLayouts/slideLayout")?
        .strip_suffix(".xml")?
        .parse()
        .ok()
}

/// Reads and checks a template.
pub fn read(path: &Path) -> Result<Template, TemplateError> {
    let fail = |problem: TemplateProblem| TemplateError {
        path: path.to_owned(),
        problem,
    };
    let xml_fail = |part: &str, fault: XmlFault| {
        fail(TemplateProblem::Xml {
            part: part.to_owned(),
            fault,
        })
    };
    let meta = std::fs::metadata(path).map_err(|e| fail(TemplateProblem::CannotRead(e)))?;
    if meta.len() > MAX_TEMPLATE_BYTES {
        return Err(fail(TemplateProblem::TooLarge {
            size_bytes: meta.len(),
        }));
    }
    let file = std::fs::File::open(path).map_err(|e| fail(TemplateProblem::CannotOpen(e)))?;
    let mut zip = zip::ZipArchive::new(std::io::BufReader::new(file))
        .map_err(|e| fail(TemplateProblem::NotZip(e.to_string())))?;
    let mut pkg = Package::new();
    let mut total: u64 = 0;
    let mut content_types = None;
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).map_err(|e| {
            fail(TemplateProblem::DamagedEntry {
                entry: i + 1,
                detail: e.to_string(),
            })
        })?;
        if entry.is_dir() {
            continue;
        }
        let name = entry
            .name()
            .map_err(|e| {
                fail(TemplateProblem::EntryName {
                    entry: i + 1,
                    detail: e.to_string(),
                })
            })?
            .into_owned();
        let (size, packed) = (entry.size(), entry.compressed_size());
        if size > RATIO_FREE_BYTES && size / packed.max(1) > MAX_COMPRESSION_RATIO {
            return Err(fail(TemplateProblem::Bomb {
                part: name,
                ratio: size / packed.max(1),
            }));
        }
        let left = MAX_UNZIPPED_BYTES.saturating_sub(total);
        let mut bytes = Vec::new();
        (&mut entry)
            .take(left + 1)
            .read_to_end(&mut bytes)
            .map_err(|error| {
                fail(TemplateProblem::PartUnreadable {
                    part: name.clone(),
                    error,
                })
            })?;
        total += bytes.len() as u64;
        if total > MAX_UNZIPPED_BYTES {
            return Err(fail(TemplateProblem::Inflated));
        }
        if name == "[Content_Types].xml" {
            content_types = Some(bytes);
        } else {
            pkg.put(&name, bytes, None);
        }
    }
    let text = |bytes: &[u8], part: &str| {
        String::from_utf8(bytes.to_vec()).map_err(|_| {
            fail(TemplateProblem::NotUtf8 {
                part: part.to_owned(),
            })
        })
    };
    let types_part = "[Content_Types].xml";
    let types = content_types.ok_or_else(|| fail(TemplateProblem::NoContentTypes))?;
    let types = text(&types, types_part)?;
    for a in elements(&types, "Default").map_err(|f| xml_fail(types_part, f))? {
        if let (Some(ext), Some(t)) = (attr(&a, "Extension"), attr(&a, "ContentType")) {
            pkg.defaults.insert(ext.to_ascii_lowercase(), t.to_owned());
        }
    }
    for a in elements(&types, "Override").map_err(|f| xml_fail(types_part, f))? {
        if let (Some(name), Some(t)) = (attr(&a, "PartName"), attr(&a, "ContentType")) {
            pkg.overrides
                .insert(name.trim_start_matches('/').to_owned(), t.to_owned());
        }
    }
    let main = "ppt/presentation.xml";
    match pkg.overrides.get(main).map(String::as_str) {
        Some(ct::PRESENTATION) => {}
        Some(TEMPLATE_MAIN) => {
            pkg.overrides.insert(main.into(), ct::PRESENTATION.into());
        }
        _ => {
            return Err(fail(TemplateProblem::NoPresentation));
        }
    }
    let presentation = text(pkg.get(main).unwrap_or_default(), main)?;
    let rels_part = rels_name(main);
    let rels = parse_rels(&text(
        pkg.get(&rels_part).ok_or_else(|| {
            fail(TemplateProblem::NoPart {
                part: rels_part.clone(),
            })
        })?,
        &rels_part,
    )?)
    .map_err(|f| xml_fail(&rels_part, f))?;
    let has_notes_master = rels.iter().any(|r| rel::is(&r.ty, "notesMaster"));
    let rels: Vec<Relationship> = rels
        .into_iter()
        .filter(|r| !rel::is(&r.ty, "slide"))
        .collect();
    // its own slides and notes pages are not ours to keep
    pkg.remove_where(|n| n.starts_with("ppt/slides/") || n.starts_with("ppt/notesSlides/"));
    let size = elements(&presentation, "sldSz")
        .map_err(|f| xml_fail(main, f))?
        .first()
        .and_then(|a| {
            let cx = attr(a, "cx")?.parse().ok()?;
            let cy = attr(a, "cy")?.parse().ok()?;
            Some(SlideSize { cx, cy })
        })
        .unwrap_or(SlideSize::WIDE);
    // the first layout with a title placeholder
    let mut layouts: Vec<(u32, String)> = pkg
        .overrides
        .iter()
        .filter(|(_, t)| t.as_str() == ct::LAYOUT)
        .filter_map(|(n, _)| layout_number(n).map(|k| (k, n.clone())))
        .collect();
    layouts.sort();
    // a slide title (`title`) first; a title-slide layout (`ctrTitle`, centred on the page)
    // only when there is no other
    let mut titled = Vec::new();
    for (_, name) in &layouts {
        let Some(bytes) = pkg.get(name) else { continue };
        let xml = text(bytes, name)?;
        let phs = elements(&xml, "ph").map_err(|f| xml_fail(name, f))?;
        for a in &phs {
            if let Some(t @ ("title" | "ctrTitle")) = attr(a, "type") {
                titled.push((name.clone(), t.to_owned()));
                break;
            }
        }
    }
    let chosen = titled
        .iter()
        .find(|(_, t)| t == "title")
        .or(titled.first())
        .cloned();
    let (layout, title_type) = chosen.ok_or_else(|| fail(TemplateProblem::NoTitleLayout))?;
    // where the title ends: on the layout, else on its master
    let layout_xml = text(pkg.get(&layout).unwrap_or_default(), &layout)?;
    let title_bottom = placeholder_bottom(&layout_xml, &title_type).or_else(|| {
        let rels = parse_rels(&String::from_utf8_lossy(pkg.get(&rels_name(&layout))?)).ok()?;
        let master = rels.iter().find(|r| rel::is(&r.ty, "slideMaster"))?;
        let name = format!(
            "ppt/slideMasters/{}",
            master.target.rsplit('/').next().unwrap_or_default()
        );
        placeholder_bottom(&String::from_utf8_lossy(pkg.get(&name)?), "title")
    });
    Ok(Template {
        pkg,
        layout,
        title_type,
        size,
        presentation,
        rels,
        has_notes_master,
        title_bottom,
    })
}

/// presentation.xml with its slide list replaced by `slides` (`(slide id, relationship id)`)
/// and, when `notes_rid` is given, a notes master list added.
pub fn rewrite_presentation(
    xml: &str,
    slides: &[(u32, String)],
    notes_rid: Option<&str>,
) -> Option<String> {
    let mut xml = xml.to_owned();
    if let Some(start) = xml.find("<p:sldIdLst") {
        let rest = &xml[start..];
        let open_end = rest.find('>')?;
        let end = if rest[..=open_end].ends_with("/>") {
            start + open_end + 1
        } else {
            start + rest.find("</p:sldIdLst>")? + "</p:sldIdLst>".len()
        };
        xml.replace_range(start..end, "");
    }
    if let Some(rid) = notes_rid {
        let at = xml.find("</p:sldMasterIdLst>")? + "</p:sldMasterIdLst>".len();
        xml.insert_str(
            at,
            &format!("<p:notesMasterIdLst><p:notesMasterId r:id=\"{rid}\"/></p:notesMasterIdLst>"),
        );
    }
    let list: String = slides
        .iter()
        .map(|(id, rid)| format!("<p:sldId id=\"{id}\" r:id=\"{rid}\"/>"))
        .collect();
    let at = xml.find("<p:sldSz").or_else(|| xml.find("<p:notesSz"))?;
    xml.insert_str(at, &format!("<p:sldIdLst>{list}</p:sldIdLst>"));
    Some(xml)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_bottom_is_read_from_the_placeholder_box() {
        let xml = "<p:sp><p:nvSpPr><p:nvPr><p:ph type=\"title\"/></p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x=\"457200\" y=\"274638\"/><a:ext cx=\"8229600\" cy=\"1143000\"/></a:xfrm></p:spPr></p:sp><p:sp><p:spPr><a:xfrm><a:off x=\"0\" y=\"9\"/></a:xfrm></p:spPr></p:sp>";
        assert_eq!(placeholder_bottom(xml, "title"), Some(1_417_638));
        // a layout that inherits the position says nothing
        let bare = "<p:sp><p:nvSpPr><p:nvPr><p:ph type=\"title\"/></p:nvPr></p:nvSpPr><p:spPr/></p:sp><p:sp><p:spPr><a:xfrm><a:off x=\"0\" y=\"9\"/><a:ext cx=\"1\" cy=\"1\"/></a:xfrm></p:spPr></p:sp>";
        assert_eq!(placeholder_bottom(bare, "title"), None);
    }

    #[test]
    fn slide_list_is_replaced_and_notes_master_added() {
        let xml = "<p:presentation><p:sldMasterIdLst><p:sldMasterId id=\"2147483648\" r:id=\"rId1\"/></p:sldMasterIdLst><p:sldIdLst><p:sldId id=\"256\" r:id=\"rId7\"/></p:sldIdLst><p:sldSz cx=\"1\" cy=\"2\"/><p:notesSz cx=\"1\" cy=\"2\"/></p:presentation>";
        let out =
            rewrite_presentation(xml, &[(256, "rIdS1".into())], Some("rIdN")).unwrap_or_default();
        assert!(!out.contains("rId7"));
        assert!(out.contains("</p:sldMasterIdLst><p:notesMasterIdLst><p:notesMasterId r:id=\"rIdN\"/></p:notesMasterIdLst><p:sldIdLst><p:sldId id=\"256\" r:id=\"rIdS1\"/></p:sldIdLst><p:sldSz"));
        let empty = "<p:presentation><p:sldMasterIdLst></p:sldMasterIdLst><p:sldIdLst/><p:sldSz cx=\"1\" cy=\"2\"/></p:presentation>";
        let out = rewrite_presentation(empty, &[(256, "a".into())], None).unwrap_or_default();
        assert_eq!(out.matches("<p:sldIdLst").count(), 1);
    }
}
