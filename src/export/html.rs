//! The interactive HTML export: one self-contained file that people who were not in the workshop
//! open in any browser, with no network and no Percorso.
//!
//! The UI decides what is shown (as for the other map exports, it draws the map as SVG and words
//! every figure in the user's language, from the report of metrics.md); this module puts it into
//! one HTML page with a fixed script and style sheet:
//! - the map, where hovering a touchpoint names it and clicking one opens its inspector figures;
//! - one card per stage with its headline figures and its touchpoints' table;
//! - the chosen story, slide by slide (arrow keys or buttons), each slide its own map with data.
//!
//! Safety: every name, log value and figure is written as escaped text, or as JSON that the
//! script reads and puts on screen with `textContent`. The page's Content-Security-Policy allows
//! no network at all, and only the one script and the one style sheet, by their SHA-256 hashes;
//! an inline event handler or an injected script would not run. The UI's SVG drawings are checked
//! for scripts and handlers before they are embedded.

use std::fmt::Write as _;
use std::path::Path;

use base64::Engine as _;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::atomic_write;
use crate::error::{Error, Result};

/// Everything the page shows, as the UI words it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct HtmlPage {
    /// The page's title: the journey's name.
    pub title: String,
    /// The language of the texts, as a BCP 47 tag ("en", "it").
    pub language: String,
    /// Lines under the title: what is measured, the filters, when it was made.
    pub lines: Vec<String>,
    pub labels: HtmlLabels,
    pub map: HtmlMap,
    /// One card per stage, in journey order.
    pub stages: Vec<HtmlStage>,
    /// The story to tell, if one was chosen.
    pub story: Option<HtmlStory>,
}

/// The page's own words, in the UI's language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct HtmlLabels {
    pub map: String,
    pub stages: String,
    pub story: String,
    /// What the inspector says before a touchpoint is chosen.
    pub hint: String,
    pub previous: String,
    pub next: String,
    /// "Made with Percorso", at the foot of the page.
    pub made_with: String,
}

/// A map drawn as SVG (touchpoints as elements with `data-touchpoint="<id>"`) and each
/// touchpoint's figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct HtmlMap {
    pub svg: String,
    pub touchpoints: Vec<HtmlTouchpoint>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct HtmlTouchpoint {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub stage: String,
    /// The map's figure for this touchpoint, shown on hover.
    pub headline: String,
    pub figures: Vec<HtmlFigure>,
}

/// One figure: a stable key (for tests and scripts), its label and its value as worded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct HtmlFigure {
    pub key: String,
    pub label: String,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct HtmlStage {
    pub eyebrow: String,
    pub title: String,
    pub figures: Vec<HtmlFigure>,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct HtmlStory {
    pub title: String,
    pub slides: Vec<HtmlSlide>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct HtmlSlide {
    pub title: String,
    pub note: String,
    /// The view's filters and metric, worded.
    pub lines: Vec<String>,
    pub map: HtmlMap,
}

const SCRIPT: &str = include_str!("html/page.js");
const STYLE: &str = include_str!("html/page.css");

/// The page as one HTML document.
pub fn html(page: &HtmlPage) -> Result<String> {
    let mut maps = vec![&page.map];
    if let Some(story) = &page.story {
        maps.extend(story.slides.iter().map(|s| &s.map));
    }
    for (i, map) in maps.iter().enumerate() {
        checked_svg(&map.svg, i)?;
    }
    let data: Vec<&[HtmlTouchpoint]> = maps.iter().map(|m| m.touchpoints.as_slice()).collect();
    let data = serde_json::to_string(&data)
        .map_err(|e| Error::InvalidInput(format!("cannot write the page's figures: {e}")))?;

    let mut out = String::with_capacity(64 * 1024);
    let csp = format!(
        "default-src 'none'; script-src '{}'; style-src '{}'; img-src data:; base-uri 'none'; \
         form-action 'none'",
        sha256(SCRIPT),
        sha256(STYLE)
    );
    // `write!` into a String cannot fail.
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"Percorso {version}\">\n<title>{title}</title>\n\
         <style>{STYLE}</style>\n</head>\n<body>\n",
        lang = escape(&page.language),
        version = env!("CARGO_PKG_VERSION"),
        title = escape(&page.title),
    );
    let labels = &page.labels;
    let _ = write!(
        out,
        "<header class=\"top\">\n<h1>{}</h1>\n",
        escape(&page.title)
    );
    for line in &page.lines {
        let _ = writeln!(out, "<p class=\"line\">{}</p>", escape(line));
    }
    out.push_str("<nav class=\"tabs\" role=\"tablist\">\n");
    tab(&mut out, "map", &labels.map, true);
    tab(&mut out, "stages", &labels.stages, false);
    if let Some(story) = &page.story {
        tab(
            &mut out,
            "story",
            &format!("{}: {}", labels.story, story.title),
            false,
        );
    }
    out.push_str("</nav>\n</header>\n<main>\n");

    out.push_str("<section id=\"tab-map\" class=\"tab\" role=\"tabpanel\">\n");
    map_with_inspector(&mut out, &page.map, 0, &labels.hint);
    out.push_str("</section>\n");

    out.push_str("<section id=\"tab-stages\" class=\"tab\" role=\"tabpanel\" hidden>\n");
    for stage in &page.stages {
        stage_card(&mut out, stage);
    }
    out.push_str("</section>\n");

    if let Some(story) = &page.story {
        out.push_str("<section id=\"tab-story\" class=\"tab\" role=\"tabpanel\" hidden>\n");
        let total = story.slides.len();
        for (i, slide) in story.slides.iter().enumerate() {
            let _ = write!(
                out,
                "<article class=\"slide\" data-slide=\"{i}\"{hidden}>\n\
                 <p class=\"eyebrow\">{n} / {total}</p>\n<h2>{title}</h2>\n",
                hidden = if i == 0 { "" } else { " hidden" },
                n = i + 1,
                title = escape(&slide.title),
            );
            if !slide.note.is_empty() {
                let _ = writeln!(out, "<p class=\"note\">{}</p>", escape(&slide.note));
            }
            for line in &slide.lines {
                let _ = writeln!(out, "<p class=\"line\">{}</p>", escape(line));
            }
            map_with_inspector(&mut out, &slide.map, i + 1, &labels.hint);
            out.push_str("</article>\n");
        }
        let _ = write!(
            out,
            "<nav class=\"steps\"><button type=\"button\" data-step=\"-1\">← {}</button>\
             <span class=\"position\" aria-live=\"polite\"></span>\
             <button type=\"button\" data-step=\"1\">{} →</button></nav>\n</section>\n",
            escape(&labels.previous),
            escape(&labels.next),
        );
    }
    let _ = write!(
        out,
        "</main>\n<footer class=\"foot\">{}</footer>\n\
         <div id=\"tip\" class=\"tip\" role=\"tooltip\" hidden></div>\n\
         <script type=\"application/json\" id=\"percorso-data\">{}</script>\n\
         <script>{SCRIPT}</script>\n</body>\n</html>\n",
        escape(&labels.made_with),
        json_in_html(&data),
    );
    Ok(out)
}

/// Writes the page to `path` (replacing it only once it is whole) and returns its size in bytes.
pub fn write_html(page: &HtmlPage, path: &Path) -> Result<u64> {
    let text = html(page)?;
    atomic_write::write_bytes(path, text.as_bytes())?;
    Ok(text.len() as u64)
}

fn tab(out: &mut String, name: &str, label: &str, selected: bool) {
    let _ = writeln!(
        out,
        "<button type=\"button\" role=\"tab\" data-tab=\"{name}\" aria-selected=\"{selected}\">{}</button>",
        escape(label)
    );
}

fn map_with_inspector(out: &mut String, map: &HtmlMap, index: usize, hint: &str) {
    let _ = write!(
        out,
        "<div class=\"board\">\n<div class=\"map\" data-map=\"{index}\">{svg}</div>\n\
         <aside class=\"inspector\" data-inspector=\"{index}\" aria-live=\"polite\">\
         <p class=\"hint\">{hint}</p></aside>\n</div>\n",
        svg = map.svg,
        hint = escape(hint),
    );
}

fn stage_card(out: &mut String, stage: &HtmlStage) {
    let _ = write!(
        out,
        "<article class=\"stage\">\n<p class=\"eyebrow\">{}</p>\n<h2>{}</h2>\n",
        escape(&stage.eyebrow),
        escape(&stage.title)
    );
    if !stage.figures.is_empty() {
        out.push_str("<dl class=\"figures\">");
        for f in &stage.figures {
            let _ = write!(
                out,
                "<div data-field=\"{}\"><dt>{}</dt><dd>{}</dd></div>",
                escape(&f.key),
                escape(&f.label),
                escape(&f.value)
            );
        }
        out.push_str("</dl>\n");
    }
    out.push_str("<table>\n<thead><tr>");
    for c in &stage.columns {
        let _ = write!(out, "<th scope=\"col\">{}</th>", escape(c));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &stage.rows {
        out.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            let tag = if i == 0 { "th scope=\"row\"" } else { "td" };
            let close = if i == 0 { "th" } else { "td" };
            let _ = write!(out, "<{tag}>{}</{close}>", escape(cell));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</article>\n");
}

/// Text as HTML text or attribute value: never markup.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// JSON that can sit inside a `<script>` element: no `<`, `>` or `&` can end it or open a
/// comment, and JSON.parse reads the escapes back as the same characters.
fn json_in_html(json: &str) -> String {
    json.replace('&', "\\u0026")
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}

fn sha256(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!(
        "sha256-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The UI's drawing, refused if it is not one SVG element or carries anything that could run:
/// a script, a foreign object, an event handler or a `javascript:` link.
fn checked_svg(svg: &str, index: usize) -> Result<()> {
    let what = if index == 0 {
        "the map".to_owned()
    } else {
        format!("the map of slide {index}")
    };
    let trimmed = svg.trim();
    if !trimmed.starts_with("<svg") || !trimmed.ends_with("</svg>") {
        return Err(Error::InvalidInput(format!(
            "{what} is not an SVG drawing Percorso can put in a page"
        )));
    }
    // Text between tags is escaped by the drawing (a `<` in a name is `&lt;`), so only the tags
    // themselves can carry something that runs; a name such as "Sign on=now" is text.
    let lower = trimmed.to_ascii_lowercase();
    let runs = lower.split('<').skip(1).any(|tag| {
        let tag = tag.split('>').next().unwrap_or_default();
        tag.starts_with("script")
            || tag.starts_with("foreignobject")
            || tag.contains("javascript:")
            || tag.match_indices("on").any(|(i, _)| starts_handler(tag, i))
    });
    if runs {
        return Err(Error::InvalidInput(format!(
            "{what} carries a script or an event handler, which an exported page never runs"
        )));
    }
    Ok(())
}

/// Whether the attribute at `at` in a tag is an event handler: `on` and more letters after
/// white space, then `=` (as in ` onclick="…"`).
fn starts_handler(tag: &str, at: usize) -> bool {
    let after_space = at > 0 && tag.as_bytes()[at - 1].is_ascii_whitespace();
    let rest = &tag[at..];
    let name_len = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
    after_space && name_len > 2 && rest[name_len..].trim_start().starts_with('=')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn touchpoint(id: i64, name: &str) -> HtmlTouchpoint {
        HtmlTouchpoint {
            id,
            name: name.into(),
            stage: "Buy".into(),
            headline: "12.5%".into(),
            figures: vec![HtmlFigure {
                key: "customers".into(),
                label: "Customers".into(),
                value: "1,204".into(),
            }],
        }
    }

    fn page(svg: &str) -> HtmlPage {
        HtmlPage {
            title: "Retail <journey>".into(),
            language: "en".into(),
            lines: vec!["Drop-off rate · all customers".into()],
            labels: HtmlLabels {
                map: "Map".into(),
                stages: "Stages".into(),
                story: "Story".into(),
                hint: "Click a touchpoint".into(),
                previous: "Previous".into(),
                next: "Next".into(),
                made_with: "Made with Percorso".into(),
            },
            map: HtmlMap {
                svg: svg.into(),
                touchpoints: vec![touchpoint(7, "</script><b>Shop</b>")],
            },
            stages: vec![HtmlStage {
                eyebrow: "Stage 1 of 1".into(),
                title: "Buy & pay".into(),
                figures: Vec::new(),
                columns: vec!["Touchpoint".into()],
                rows: vec![vec!["<img src=x>".into()]],
            }],
            story: None,
        }
    }

    const SVG: &str = r#"<svg xmlns="http://www.w3.org/2000/svg"><g data-touchpoint="7"><rect width="1" height="1"/></g></svg>"#;

    #[test]
    fn names_and_values_are_text_and_the_data_cannot_end_its_script() {
        let out = html(&page(SVG)).unwrap();
        assert!(out.contains("<h1>Retail &lt;journey&gt;</h1>"));
        assert!(out.contains("<th scope=\"row\">&lt;img src=x&gt;</th>"));
        assert!(out.contains("Buy &amp; pay"));
        assert!(!out.contains("<b>Shop"), "a name never becomes markup");
        assert_eq!(
            out.matches("</script>").count(),
            2,
            "only the page's own two"
        );
        let start = out.find("id=\"percorso-data\">").unwrap() + 19;
        let end = start + out[start..].find("</script>").unwrap();
        let data: serde_json::Value = serde_json::from_str(&out[start..end]).unwrap();
        assert_eq!(
            data[0][0]["name"], "</script><b>Shop</b>",
            "read back whole"
        );
    }

    #[test]
    fn the_policy_allows_no_network_and_only_the_pages_own_script_and_style() {
        let out = html(&page(SVG)).unwrap();
        let csp_start = out.find("Content-Security-Policy\" content=\"").unwrap() + 34;
        let csp = &out[csp_start..csp_start + out[csp_start..].find('"').unwrap()];
        assert!(csp.starts_with("default-src 'none';"), "{csp}");
        assert!(csp.contains(&format!("script-src '{}'", sha256(SCRIPT))));
        assert!(csp.contains(&format!("style-src '{}'", sha256(STYLE))));
        assert!(!csp.contains("unsafe"));
        assert!(out.contains(&format!("<script>{SCRIPT}</script>")));
        assert!(out.contains(&format!("<style>{STYLE}</style>")));
        for network in ["http://", "https://", "src=\"//"] {
            let outside = out.replace("http://www.w3.org/2000/svg", "");
            assert!(!outside.contains(network), "{network}");
        }
    }

    #[test]
    fn a_drawing_with_a_script_or_a_handler_is_refused() {
        for bad in [
            "<svg><script>alert(1)</script></svg>",
            "<svg><g onclick=\"alert(1)\"></g></svg>",
            "<svg><g ONMOUSEOVER = 'x'></g></svg>",
            "<svg><a href=\"javascript:alert(1)\"></a></svg>",
            "<svg><foreignObject><div/></foreignObject></svg>",
            "<div>not a drawing</div>",
        ] {
            let err = html(&page(bad)).unwrap_err();
            assert_eq!(err.code(), crate::ErrorCode::InvalidInput, "{bad}");
        }
        // Text that merely looks like a handler or a link is text: only tags are checked.
        html(&page("<svg><text>Sign on online</text></svg>")).unwrap();
        html(&page(
            "<svg><text x=\"1\">Sign on=now · javascript:void(0)</text></svg>",
        ))
        .unwrap();
    }

    #[test]
    fn a_story_gets_a_tab_and_one_slide_per_view_each_with_its_own_map() {
        let mut p = page(SVG);
        let slide = |title: &str| HtmlSlide {
            title: title.into(),
            note: "Look at <checkout>".into(),
            lines: vec!["Region: North".into()],
            map: HtmlMap {
                svg: SVG.into(),
                touchpoints: vec![touchpoint(7, "Shop")],
            },
        };
        p.story = Some(HtmlStory {
            title: "Q3".into(),
            slides: vec![slide("One"), slide("Two")],
        });
        let out = html(&p).unwrap();
        assert!(out.contains("data-tab=\"story\""));
        assert!(out.contains("Story: Q3"));
        assert_eq!(out.matches("class=\"slide\"").count(), 2);
        assert_eq!(out.matches("<div class=\"map\" data-map=").count(), 3);
        assert!(out.contains("<p class=\"note\">Look at &lt;checkout&gt;</p>"));
        assert!(out.contains("<p class=\"eyebrow\">2 / 2</p>"));
    }
}
