//! Small inline SVG charts for `prex report`: horizontal bars, stacked bars and
//! columns over time. Plain strings out, every label escaped, no script.

use std::fmt::Write as _;

use crate::show::escape_into;

const FONT: &str = "font-family=\"system-ui, DejaVu Sans, sans-serif\" font-size=\"12\"";

/// Series colours for stacked bars and columns.
pub const PALETTE: &[&str] = &[
    "#c62828", "#ef6c00", "#f9a825", "#2e7d32", "#1565c0", "#6a1b9a", "#00838f", "#8d6e63",
    "#546e7a", "#ad1457",
];

fn label_cut(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max - 1).collect();
        t.push('…');
        t
    }
}

/// Horizontal bars, one row per `(label, value)`, in the given order.
pub fn hbar(rows: &[(String, u64)], color: &str) -> String {
    let series: Vec<(String, Vec<u64>)> = rows.iter().map(|(l, v)| (l.clone(), vec![*v])).collect();
    stacked_hbar(&series, &[("", color)])
}

/// Horizontal stacked bars: each row has one value per series; a legend is drawn
/// when there is more than one series.
pub fn stacked_hbar(rows: &[(String, Vec<u64>)], series: &[(&str, &str)]) -> String {
    let label_w = 190.0;
    let bar_w = 380.0;
    let row_h = 22.0;
    let legend_h = if series.len() > 1 { 24.0 } else { 0.0 };
    let width = label_w + bar_w + 70.0;
    let height = legend_h + row_h * rows.len() as f64 + 4.0;
    let max = rows
        .iter()
        .map(|(_, v)| v.iter().sum::<u64>())
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let mut o = String::new();
    let _ = write!(
        o,
        "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" \
         width=\"{width}\" height=\"{height}\" role=\"img\" {FONT}>"
    );
    if series.len() > 1 {
        let mut x = label_w;
        for (i, (name, color)) in series.iter().enumerate() {
            let c = if color.is_empty() {
                PALETTE[i % PALETTE.len()]
            } else {
                color
            };
            let _ = write!(
                o,
                "<rect x=\"{x}\" y=\"6\" width=\"12\" height=\"12\" fill=\"{c}\"/>"
            );
            let _ = write!(o, "<text x=\"{}\" y=\"16\">", x + 16.0);
            escape_into(&mut o, name);
            o.push_str("</text>");
            x += 24.0 + 7.0 * name.chars().count() as f64;
        }
    }
    for (r, (label, values)) in rows.iter().enumerate() {
        let y = legend_h + r as f64 * row_h;
        let _ = write!(
            o,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\"><title>",
            label_w - 6.0,
            y + 15.0
        );
        escape_into(&mut o, label);
        o.push_str("</title>");
        escape_into(&mut o, &label_cut(label, 28));
        o.push_str("</text>");
        let mut x = label_w;
        for (i, &v) in values.iter().enumerate() {
            if v == 0 {
                continue;
            }
            let w = (v as f64 / max * bar_w).max(1.0);
            let c = series
                .get(i)
                .map(|s| s.1)
                .filter(|c| !c.is_empty())
                .unwrap_or(PALETTE[i % PALETTE.len()]);
            let _ = write!(
                o,
                "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"{:.1}\" fill=\"{c}\"><title>",
                y + 3.0,
                row_h - 6.0
            );
            escape_into(&mut o, label);
            if let Some((name, _)) = series.get(i).filter(|s| !s.0.is_empty()) {
                o.push_str(" · ");
                escape_into(&mut o, name);
            }
            let _ = write!(o, ": {v}</title></rect>");
            x += w;
        }
        let total: u64 = values.iter().sum();
        let _ = write!(
            o,
            "<text x=\"{:.1}\" y=\"{}\">{total}</text>",
            x + 5.0,
            y + 15.0
        );
    }
    o.push_str("</svg>");
    o
}

/// Columns over ordered buckets (a timeline), with a few x labels and a y maximum.
pub fn columns(buckets: &[(String, u64)], color: &str) -> String {
    let width = 760.0;
    let height = 170.0;
    let (left, bottom, top) = (36.0, 24.0, 10.0);
    let plot_w = width - left - 30.0;
    let plot_h = height - bottom - top;
    let n = buckets.len().max(1) as f64;
    let max = buckets.iter().map(|b| b.1).max().unwrap_or(0).max(1) as f64;
    let step = plot_w / n;
    let mut o = String::new();
    let _ = write!(
        o,
        "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" \
         width=\"{width}\" height=\"{height}\" role=\"img\" {FONT}>"
    );
    let base = top + plot_h;
    let _ = write!(
        o,
        "<line x1=\"{left}\" y1=\"{base}\" x2=\"{}\" y2=\"{base}\" stroke=\"#9aa4ae\"/>\
         <text x=\"{}\" y=\"{}\" text-anchor=\"end\">{max}</text>\
         <line x1=\"{left}\" y1=\"{top}\" x2=\"{}\" y2=\"{top}\" stroke=\"#e3e7eb\"/>\
         <text x=\"{}\" y=\"{base}\" text-anchor=\"end\">0</text>",
        left + plot_w,
        left - 4.0,
        top + 4.0,
        left + plot_w,
        left - 4.0
    );
    let every = ((buckets.len() as f64 / 10.0).ceil() as usize).max(1);
    for (i, (label, v)) in buckets.iter().enumerate() {
        let x = left + i as f64 * step;
        if *v > 0 {
            let h = (*v as f64 / max * plot_h).max(1.0);
            let _ = write!(
                o,
                "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{h:.1}\" fill=\"{color}\"><title>",
                x + step * 0.1,
                base - h,
                (step * 0.8).max(1.0)
            );
            escape_into(&mut o, label);
            let _ = write!(o, ": {v}</title></rect>");
        }
        if i % every == 0 {
            let _ = write!(
                o,
                "<text x=\"{:.1}\" y=\"{}\" text-anchor=\"middle\" fill=\"#5f6b78\">",
                x + step / 2.0,
                base + 16.0
            );
            escape_into(&mut o, label);
            o.push_str("</text>");
        }
    }
    o.push_str("</svg>");
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_escaped() {
        let s = hbar(&[("<script>x</script>".into(), 3)], "#000");
        assert!(!s.contains("<script>"));
        assert!(s.contains("&lt;script&gt;"));
        let s = columns(&[("a&b".into(), 1), ("c".into(), 0)], "#000");
        assert!(s.contains("a&amp;b"));
    }

    #[test]
    fn bars_scale_to_the_largest_row() {
        let s = stacked_hbar(
            &[("a".into(), vec![2, 2]), ("b".into(), vec![1, 0])],
            &[("x", ""), ("y", "")],
        );
        assert!(s.contains("width=\"190.0\""));
        assert!(s.contains("width=\"95.0\""));
    }
}
