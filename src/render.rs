//! Turning SVG drawings of the map into PNG and PDF files.
//!
//! The UI draws what it shows as SVG (it knows the mode, the overlays and the filters); this
//! module rasterises that SVG for PNG with resvg, and lays one SVG per page into a landscape A4
//! or Letter PDF with svg2pdf, keeping text and lines as vectors. Text is set in the machine's
//! fonts, which are embedded (subset) in the PDF.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref};
use resvg::{tiny_skia, usvg};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};

/// Paper sizes for PDF export, used in landscape.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Paper {
    A4,
    Letter,
}

impl Paper {
    /// Width and height in PDF points (1/72 in), landscape.
    pub fn landscape_points(self) -> (f32, f32) {
        match self {
            Paper::A4 => (841.89, 595.28),
            Paper::Letter => (792.0, 612.0),
        }
    }
}

/// Margin around each page's drawing, in points (about 1 cm).
const MARGIN: f32 = 28.0;

/// The machine's fonts, loaded once: the first export pays for it, later ones do not.
fn fonts() -> Arc<usvg::fontdb::Database> {
    static FONTS: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut db = usvg::fontdb::Database::new();
            db.load_system_fonts();
            db.set_sans_serif_family("DejaVu Sans");
            Arc::new(db)
        })
        .clone()
}

fn parse(svg: &str, what: &str) -> Result<usvg::Tree> {
    let options = usvg::Options {
        fontdb: fonts(),
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(svg, &options).map_err(|e| {
        Error::InvalidInput(format!("{what} is not a drawing Percorso can export: {e}"))
    })
}

/// The SVG as a PNG at `scale` times its size (2 for sharp slides and retina screens).
pub fn svg_to_png(svg: &str, scale: f32) -> Result<Vec<u8>> {
    let tree = parse(svg, "the map")?;
    let size = tree.size().to_int_size().scale_by(scale).ok_or_else(|| {
        Error::InvalidInput(format!("the map cannot be drawn at {scale}× its size"))
    })?;
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height()).ok_or_else(|| {
        Error::InvalidInput(format!(
            "a {}×{} pixel image is too large to export",
            size.width(),
            size.height()
        ))
    })?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| Error::InvalidInput(format!("cannot encode the PNG: {e}")))
}

/// A PDF with one landscape page per SVG, each drawing scaled to fit inside the margins and
/// centred, as vectors.
pub fn svgs_to_pdf(pages: &[String], paper: Paper) -> Result<Vec<u8>> {
    if pages.is_empty() {
        return Err(Error::InvalidInput("a PDF needs at least one page".into()));
    }
    let (width, height) = paper.landscape_points();
    let mut alloc = Ref::new(1);
    let catalog = alloc.bump();
    let tree_id = alloc.bump();
    let mut pdf = Pdf::new();
    let mut page_ids = Vec::with_capacity(pages.len());
    let mut chunks = Vec::with_capacity(pages.len());
    for (number, svg) in pages.iter().enumerate() {
        let tree = parse(svg, &format!("page {} of the PDF", number + 1))?;
        let (chunk, drawing) = svg2pdf::to_chunk(&tree, svg2pdf::ConversionOptions::default())
            .map_err(|e| Error::InvalidInput(format!("cannot write page {}: {e}", number + 1)))?;
        let mut renumbered = HashMap::new();
        let chunk = chunk.renumber(|old| *renumbered.entry(old).or_insert_with(|| alloc.bump()));
        let drawing = renumbered
            .get(&drawing)
            .copied()
            .ok_or_else(|| Error::InvalidInput(format!("page {} lost its drawing", number + 1)))?;
        let page_id = alloc.bump();
        let content_id = alloc.bump();
        page_ids.push(page_id);

        // The drawing is a 1×1 form: scale it to the SVG's size, fitted into the margins.
        let (w, h) = (tree.size().width(), tree.size().height());
        let fit = ((width - 2.0 * MARGIN) / w).min((height - 2.0 * MARGIN) / h);
        let (dw, dh) = (w * fit, h * fit);
        let name = Name(b"D1");
        let mut content = Content::new();
        content.save_state();
        content.transform([dw, 0.0, 0.0, dh, (width - dw) / 2.0, (height - dh) / 2.0]);
        content.x_object(name);
        content.restore_state();

        let mut page = pdf.page(page_id);
        page.media_box(Rect::new(0.0, 0.0, width, height));
        page.parent(tree_id);
        page.contents(content_id);
        page.resources().x_objects().pair(name, drawing);
        page.finish();
        pdf.stream(content_id, &content.finish());
        chunks.push(chunk);
    }
    pdf.catalog(catalog).pages(tree_id);
    let count = i32::try_from(page_ids.len()).unwrap_or(i32::MAX);
    pdf.pages(tree_id).kids(page_ids).count(count);
    for chunk in &chunks {
        pdf.extend(chunk);
    }
    Ok(pdf.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAP: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200" viewBox="0 0 400 200">
        <rect x="10" y="10" width="180" height="80" fill="#4338ca"/>
        <text x="20" y="150" font-family="DejaVu Sans, sans-serif" font-size="24">Percorso &lt;img&gt;</text>
    </svg>"##;

    #[test]
    fn a_png_is_twice_the_drawing_and_shows_it() {
        let png = svg_to_png(MAP, 2.0).unwrap();
        assert_eq!(&png[1..4], b"PNG");
        let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
        let height = u32::from_be_bytes(png[20..24].try_into().unwrap());
        assert_eq!((width, height), (800, 400));
        // The blue rectangle is there, on a white page.
        let mut pixmap = tiny_skia::Pixmap::decode_png(&png).unwrap();
        let at = |p: &mut tiny_skia::Pixmap, x: u32, y: u32| {
            let c = p.pixel(x, y).unwrap();
            (c.red(), c.green(), c.blue())
        };
        assert_eq!(at(&mut pixmap, 100, 100), (0x43, 0x38, 0xca));
        assert_eq!(at(&mut pixmap, 700, 60), (255, 255, 255));
    }

    #[test]
    fn a_pdf_has_one_landscape_page_per_drawing() {
        let pdf =
            svgs_to_pdf(&[MAP.to_owned(), MAP.to_owned(), MAP.to_owned()], Paper::A4).unwrap();
        let text = String::from_utf8_lossy(&pdf);
        assert!(text.starts_with("%PDF-"));
        assert!(text.contains("/Count 3"), "three pages");
        assert_eq!(text.matches("/MediaBox [0 0 841.89 595.28]").count(), 3);
        let letter = svgs_to_pdf(&[MAP.to_owned()], Paper::Letter).unwrap();
        assert!(String::from_utf8_lossy(&letter).contains("/MediaBox [0 0 792 612]"));
    }

    #[test]
    fn a_broken_drawing_is_refused_with_its_page() {
        let err = svgs_to_pdf(&[MAP.to_owned(), "<svg".to_owned()], Paper::A4).unwrap_err();
        assert!(err.to_string().contains("page 2"), "{err}");
        assert!(svgs_to_pdf(&[], Paper::A4).is_err());
    }
}
