//! What a page draws that the text reader needs: every glyph with its Unicode text and box, and
//! the ruling lines (thin filled rectangles and stroked straight lines) that may form a table's
//! grid. Everything else the interpreter draws (images, shadings, clips) is ignored.
//!
//! Coordinates are PDF points from the page's top-left corner (the interpreter is given the
//! page's y-flipping initial transform), so a larger `y` is lower on the page.
use hayro_interpret::font::GlyphRun;
use hayro_interpret::kurbo::{Affine, BezPath, PathEl, Point, Rect, Shape, Vec2};
use hayro_interpret::SoftMask;
use hayro_interpret::{BlendMode, ClipPath, Device, DrawMode, DrawProps, Image, ImageDrawProps};

/// One glyph as drawn: its text (usually one character), the left and right edge of its advance,
/// its baseline and its size (the height of its em square).
#[derive(Clone, Debug)]
pub struct Glyph {
    pub text: String,
    pub x0: f32,
    pub x1: f32,
    pub y: f32,
    pub size: f32,
}

/// An axis-parallel ruling segment; `horizontal` ones run from `a` to `b` in x at height `at`,
/// vertical ones from `a` to `b` in y at abscissa `at`.
#[derive(Clone, Copy, Debug)]
pub struct Rule {
    pub horizontal: bool,
    pub at: f32,
    pub a: f32,
    pub b: f32,
}

/// Collects one page's glyphs and rules, up to `cap` glyphs (a page budget: a content stream
/// that draws millions of glyphs is cut off and reported, not laid out).
pub struct Collector {
    pub glyphs: Vec<Glyph>,
    pub rules: Vec<Rule>,
    /// Glyphs whose font gives no Unicode text (drawn, but unreadable).
    pub unmapped: usize,
    /// Glyphs set on a slanted or vertical baseline (rotated stamps, vertical labels): skipped.
    pub rotated: usize,
    pub cap: usize,
    pub overflow: bool,
}

/// Thicker than this (points) a filled rectangle is a shaded area, not a ruling line.
const THIN: f64 = 2.5;

impl Collector {
    pub fn new(cap: usize) -> Self {
        Collector {
            glyphs: Vec::new(),
            rules: Vec::new(),
            unmapped: 0,
            rotated: 0,
            cap,
            overflow: false,
        }
    }

    fn rule_from_box(&mut self, r: Rect) {
        let (w, h) = (r.width(), r.height());
        if h <= THIN && w > THIN * 2.0 {
            self.push_rule(true, (r.y0 + r.y1) / 2.0, r.x0, r.x1);
        } else if w <= THIN && h > THIN * 2.0 {
            self.push_rule(false, (r.x0 + r.x1) / 2.0, r.y0, r.y1);
        }
    }

    fn push_rule(&mut self, horizontal: bool, at: f64, a: f64, b: f64) {
        // rules are kept only while they are few enough to matter for one page's grid
        if self.rules.len() < 20_000 {
            self.rules.push(Rule {
                horizontal,
                at: at as f32,
                a: a.min(b) as f32,
                b: a.max(b) as f32,
            });
        }
    }
}

/// The straight, axis-parallel pieces of a stroked path (a grid drawn as `m … l … S`).
fn stroked_segments(path: &BezPath) -> Vec<(Point, Point)> {
    let mut out = Vec::new();
    let (mut start, mut last) = (Point::ZERO, Point::ZERO);
    for el in path.elements() {
        match *el {
            PathEl::MoveTo(p) => {
                start = p;
                last = p;
            }
            PathEl::LineTo(p) => {
                out.push((last, p));
                last = p;
            }
            PathEl::ClosePath => {
                out.push((last, start));
                last = start;
            }
            PathEl::QuadTo(_, p) | PathEl::CurveTo(_, _, p) => last = p,
        }
    }
    out
}

impl<'a> Device<'a> for Collector {
    fn draw_path(&mut self, path: &BezPath, props: DrawProps<'a>, draw_mode: &DrawMode) {
        let t = props.transform;
        match draw_mode {
            DrawMode::Fill(_) | DrawMode::FillAndStroke(..) => {
                // a table grid drawn as thin filled rectangles, one per line (Excel and WPS
                // exports), or several in one path
                let tp = t * path.clone();
                let mut sub = BezPath::new();
                for el in tp.elements() {
                    if matches!(el, PathEl::MoveTo(_)) && !sub.elements().is_empty() {
                        self.rule_from_box(sub.bounding_box());
                        sub = BezPath::new();
                    }
                    sub.push(*el);
                }
                if !sub.elements().is_empty() {
                    self.rule_from_box(sub.bounding_box());
                }
            }
            DrawMode::Stroke(_) => {
                for (p, q) in stroked_segments(path) {
                    let (p, q) = (t * p, t * q);
                    if (p.y - q.y).abs() < 0.5 && (p.x - q.x).abs() > THIN {
                        self.push_rule(true, p.y, p.x, q.x);
                    } else if (p.x - q.x).abs() < 0.5 && (p.y - q.y).abs() > THIN {
                        self.push_rule(false, p.x, p.y, q.y);
                    }
                }
            }
            DrawMode::Invisible => {}
        }
    }

    fn push_clip_path(&mut self, _: &ClipPath) {}

    fn push_transparency_group(&mut self, _: f32, _: Option<SoftMask<'a>>, _: BlendMode) {}

    fn draw_glyph_run(&mut self, run: &GlyphRun<'_, 'a>, props: DrawProps<'a>, _: &DrawMode) {
        let glyphs = run.glyphs();
        // the origins of the run's glyphs on the page, for the advance of each (the font's own
        // advance is not exposed: the next glyph's origin is where this one ends)
        let placed: Vec<(Point, Vec2, Vec2)> = glyphs
            .iter()
            .map(|g| {
                let m: Affine = props.transform * g.transform();
                let o = m * Point::ZERO;
                (
                    o,
                    m * Point::new(1000.0, 0.0) - o,
                    m * Point::new(0.0, 1000.0) - o,
                )
            })
            .collect();
        for (i, g) in glyphs.iter().enumerate() {
            if self.glyphs.len() >= self.cap {
                self.overflow = true;
                return;
            }
            let (o, across, up) = placed[i];
            let (em_w, size) = (across.hypot(), up.hypot());
            if !(size.is_finite() && em_w.is_finite()) || size < 0.5 || em_w < 0.1 {
                continue;
            }
            // upright text only: the em's horizontal vector must be (nearly) horizontal
            if across.y.abs() > 0.05 * em_w || across.x <= 0.0 {
                self.rotated += 1;
                continue;
            }
            let text = match g.as_unicode() {
                Some(hayro_interpret::hayro_cmap::BfString::Char(c)) => c.to_string(),
                Some(hayro_interpret::hayro_cmap::BfString::String(s)) => s,
                None => {
                    self.unmapped += 1;
                    continue;
                }
            };
            let text: String = text.chars().filter(|c| !c.is_control()).collect();
            if text.trim().is_empty() {
                continue;
            }
            let wide = text.chars().any(super::layout::is_wide);
            let guess = if wide { em_w } else { em_w * 0.5 };
            let adv = match placed.get(i + 1) {
                Some((n, _, _)) if (n.y - o.y).abs() < 0.1 * size && n.x > o.x => {
                    (n.x - o.x).min(guess * 1.5)
                }
                _ => guess,
            };
            self.glyphs.push(Glyph {
                text,
                x0: o.x as f32,
                x1: (o.x + adv) as f32,
                y: o.y as f32,
                size: size as f32,
            });
        }
    }

    fn draw_image(&mut self, _: Image<'a, '_>, _: ImageDrawProps<'a>) {}

    fn pop_clip(&mut self) {}

    fn pop_transparency_group(&mut self) {}
}
