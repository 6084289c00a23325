//! The slope chart: each region's value in two years (the first and last of the spec's
//! `years`, or the first and last years with data), one line per region between them. A
//! region with a value in only one of the two years keeps its point; the other end is marked
//! "n/a" by the storytelling layer (`chart::story`).

use super::*;

impl FigureBuilder<'_> {
    pub(super) fn slope(&mut self, ind: IndicatorIx) -> (Axis, Axis, Vec<Series>) {
        let ch = self.single_channel(ind);
        let rows = self.rows(&[ind], Some(vec![ch]));
        let obs = self.ds.observations();
        let with_value: Vec<usize> = rows
            .iter()
            .copied()
            .filter(|&i| obs.row(i).value.is_some())
            .collect();
        let years = with_value.iter().map(|&i| obs.row(i).period.year_i32());
        let (first, last) = match self.spec.years {
            Some((a, b)) => (a, b),
            None => {
                let (mut lo, mut hi) = (i32::MAX, i32::MIN);
                for y in years {
                    lo = lo.min(y);
                    hi = hi.max(y);
                }
                (lo, hi)
            }
        };
        let regions = self.legend_regions(&rows);
        let mut series = Vec::new();
        if first > last {
            return (Axis::default(), Axis::default(), series);
        }
        for r in regions {
            let mut points = Vec::new();
            for year in [first, last] {
                if year == first && points.len() == 1 && first == last {
                    break;
                }
                // the latest value within that year
                let row = with_value
                    .iter()
                    .copied()
                    .filter(|&i| {
                        let o = obs.row(i);
                        (o.region, o.segment) == r && o.period.year_i32() == year
                    })
                    .max_by_key(|&i| obs.row(i).period);
                if let Some(i) = row {
                    let year = f64::from(year) + 0.5;
                    points.push(self.point(i, Place::Year { year }));
                }
            }
            series.push(self.series(r, points));
        }
        if first == last {
            self.warnings
                .push(Msg::SlopeNeedsTwoYears.get(self.lang).to_owned());
        }
        let x = Axis {
            label: Msg::Year.get(self.lang).to_owned(),
            categories: Vec::new(),
            unit: None,
        };
        let y = self.value_axis(ind, ch);
        (x, y, series)
    }
}
