//! Where a chart point sits, typed per chart kind ([`Place`]), and the questions every painter
//! asks of a [`Point`]: its category, rank, cell, year, spoke, score, and its coordinates in the
//! plot plane. A missing coordinate or value is `None`, never NaN.

use super::Point;
use crate::chart::layout::radar_radius;
use serde::Serialize;

/// Where a point sits, by chart kind. The value itself is [`Point::value`].
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Place {
    /// A bar (bars by channel or by indicator): index of its category on the horizontal axis
    /// (`Figure.x.categories`); its height is the value.
    Category {
        /// Category index, 0 = first category.
        index: usize,
    },
    /// A line point: the middle of its period as a fractional year (2019.5 for the year 2019,
    /// 2019.75 for 2019-H2); a slope point: the middle of its year. Its height is the value.
    Year {
        /// Fractional year.
        year: f64,
    },
    /// A scatter point: the first indicator's value on the horizontal axis (the second's is
    /// the point's value, on the vertical axis).
    Xy {
        /// Horizontal value, in the first indicator's unit; `None` when missing.
        x: Option<f64>,
    },
    /// A radar vertex: its spoke and its score (the radius is drawn from the score with the
    /// radar's floor, [`Point::spoke`]).
    Spoke {
        /// Spoke index (one per indicator, `Figure.x.categories`).
        axis: usize,
        /// Score 0–1: the value normalised over the regions of the dataset (1 = best side);
        /// `None` when the value is missing.
        score: Option<f64>,
    },
    /// A heat-table or coverage cell.
    Cell {
        /// Row (region), 0 = top row (`Figure.y.categories`).
        row: usize,
        /// Column (channel or indicator), 0 = first column (`Figure.x.categories`).
        column: usize,
        /// Score 0–1 for the diverging colour scale (1 = best side; for coverage, the share
        /// of cited values); `None` for a neutral indicator or a missing value.
        score: Option<f64>,
    },
    /// A ranking bar: its position, 0 = best (drawn at the top).
    Rank {
        /// Position in the ranking, 0 = first.
        rank: usize,
    },
}

impl Point {
    /// The category index of a bar ([`Place::Category`]), `None` for other kinds.
    pub fn category(&self) -> Option<usize> {
        match self.place {
            Place::Category { index } => Some(index),
            _ => None,
        }
    }

    /// The position of a ranking bar ([`Place::Rank`]), `None` for other kinds.
    pub fn rank(&self) -> Option<usize> {
        match self.place {
            Place::Rank { rank } => Some(rank),
            _ => None,
        }
    }

    /// The (row, column) of a heat-table or coverage cell ([`Place::Cell`]).
    pub fn cell(&self) -> Option<(usize, usize)> {
        match self.place {
            Place::Cell { row, column, .. } => Some((row, column)),
            _ => None,
        }
    }

    /// The fractional year of a line or slope point ([`Place::Year`]).
    pub fn year(&self) -> Option<f64> {
        match self.place {
            Place::Year { year } => Some(year),
            _ => None,
        }
    }

    /// The index of the point's label in `Figure.x.categories`: a bar's category, a ranking's
    /// position, a radar's spoke or a cell's column; `None` for lines, slopes and scatters.
    pub fn x_category(&self) -> Option<usize> {
        match self.place {
            Place::Category { index } => Some(index),
            Place::Rank { rank } => Some(rank),
            Place::Spoke { axis, .. } => Some(axis),
            Place::Cell { column, .. } => Some(column),
            Place::Year { .. } | Place::Xy { .. } => None,
        }
    }

    /// The spoke and radius of a radar vertex ([`Place::Spoke`]): the score on the scale with
    /// its floor ([`radar_radius`]). `None` for other kinds or when the value is missing (the
    /// vertex is not drawn).
    pub fn spoke(&self) -> Option<(usize, f64)> {
        match self.place {
            Place::Spoke {
                axis,
                score: Some(score),
            } => Some((axis, radar_radius(score))),
            _ => None,
        }
    }

    /// The normalised score 0–1 of a radar vertex or a heat-table/coverage cell.
    pub fn score(&self) -> Option<f64> {
        match self.place {
            Place::Spoke { score, .. } | Place::Cell { score, .. } => score,
            _ => None,
        }
    }

    /// The horizontal value of a scatter point ([`Place::Xy`]).
    pub fn x_value(&self) -> Option<f64> {
        match self.place {
            Place::Xy { x } => x,
            _ => None,
        }
    }

    /// Where the point sits in the plot plane, `[horizontal, vertical]`: category, position,
    /// year or x value against the value; spoke against radius for a radar ([`Point::spoke`]);
    /// column against row for a cell. `None` when a coordinate is missing (the point is not
    /// drawn).
    pub fn plot_xy(&self) -> Option<[f64; 2]> {
        match self.place {
            Place::Category { index: i } | Place::Rank { rank: i } => Some([i as f64, self.value?]),
            Place::Year { year } => Some([year, self.value?]),
            Place::Xy { x } => Some([x?, self.value?]),
            Place::Spoke { axis, score } => Some([axis as f64, radar_radius(score?)]),
            Place::Cell { row, column, .. } => Some([column as f64, row as f64]),
        }
    }
}
