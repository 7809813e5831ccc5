//! Dates at the precision the article allows: a year, a month, a day, an open interval
//! ending or starting at one of those, or a closed interval between two of them. "May"
//! stays a month; it is never padded to a day.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A year, a year and month, or a full day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

/// A date as the model records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Date {
    /// Within the given year, month or day.
    On(PartialDate),
    /// Some time up to and including the given date: `../2012`.
    Until(PartialDate),
    /// Some time from the given date on: `2012/..`.
    From(PartialDate),
    /// From the first date to the second, both included: `2016-09-24/2016-10-10`.
    Between(PartialDate, PartialDate),
}

/// Why a date string was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "invalid date `{text}`: {reason}; write YYYY, YYYY-MM, YYYY-MM-DD, ../DATE, DATE/.. or DATE/DATE"
)]
pub struct DateError {
    pub text: String,
    pub reason: &'static str,
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
/// The months' full names, January first.
pub const MONTHS_LONG: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        _ => 31,
    }
}

fn digits(part: &str, len: usize) -> Option<u16> {
    if part.len() == len && part.bytes().all(|b| b.is_ascii_digit()) {
        part.parse().ok()
    } else {
        None
    }
}

impl PartialDate {
    fn parse(text: &str) -> Result<Self, &'static str> {
        let mut parts = text.split('-');
        let year = parts
            .next()
            .and_then(|y| digits(y, 4))
            .ok_or("the year must have four digits")?;
        let month = match parts.next() {
            None => None,
            Some(m) => {
                let m = digits(m, 2).ok_or("the month must have two digits")?;
                if !(1..=12).contains(&m) {
                    return Err("the month must be 01 to 12");
                }
                Some(m as u8)
            }
        };
        let day = match (parts.next(), month) {
            (None, _) => None,
            (Some(_), None) => return Err("a day needs a month"),
            (Some(d), Some(m)) => {
                let d = digits(d, 2).ok_or("the day must have two digits")?;
                if d == 0 || d > u16::from(days_in_month(year, m)) {
                    return Err("no such day in that month");
                }
                Some(d as u8)
            }
        };
        if parts.next().is_some() {
            return Err("too many parts");
        }
        Ok(Self { year, month, day })
    }

    /// "2012", "May 2012", "2 Oct 2012".
    pub fn human(&self) -> String {
        if self.year == 0 {
            // No model has year 0: it stands in for a date a draft has not given yet.
            return "no date yet".to_string();
        }
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{d} {} {}", MONTHS[usize::from(m) - 1], self.year),
            (Some(m), None) => format!("{} {}", MONTHS[usize::from(m) - 1], self.year),
            _ => self.year.to_string(),
        }
    }

    /// The first and last day covered, as (year, month, day) triples.
    fn bounds(&self) -> ((u16, u8, u8), (u16, u8, u8)) {
        match (self.month, self.day) {
            (Some(m), Some(d)) => ((self.year, m, d), (self.year, m, d)),
            (Some(m), None) => (
                (self.year, m, 1),
                (self.year, m, days_in_month(self.year, m)),
            ),
            _ => ((self.year, 1, 1), (self.year, 12, 31)),
        }
    }

    /// The first day covered and the last, as (year, month, day).
    pub fn span(&self) -> ((u16, u8, u8), (u16, u8, u8)) {
        self.bounds()
    }

    /// How fine the date is: 0 for a year, 1 for a month, 2 for a day.
    pub fn precision(&self) -> u8 {
        u8::from(self.month.is_some()) + u8::from(self.day.is_some())
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl Date {
    /// The date the interval or point is anchored to.
    pub fn anchor(&self) -> PartialDate {
        match *self {
            Date::On(d) | Date::Until(d) | Date::From(d) | Date::Between(d, _) => d,
        }
    }

    /// A short rendering: "May 2012", "2 Oct 2012", "before Oct 2012", "after 2012".
    pub fn human(&self) -> String {
        match self {
            Date::On(d) => d.human(),
            Date::Until(d) => format!("before {}", d.human()),
            Date::From(d) => format!("after {}", d.human()),
            Date::Between(a, b) => between(a, b),
        }
    }

    /// A compact rendering for lists where dates line up in a column: as `human`, but an
    /// interval across months, or an open span, drops its days ("Jul 2005–Oct 2008",
    /// "before Dec 2014"). The detail views give the whole date.
    pub fn short(&self) -> String {
        let month = |d: &PartialDate| PartialDate {
            year: d.year,
            month: d.month,
            day: None,
        };
        match self {
            Date::On(d) => d.human(),
            Date::Until(d) => format!("before {}", month(d).human()),
            Date::From(d) => format!("after {}", month(d).human()),
            Date::Between(a, b) if a.year == b.year && a.month == b.month => between(a, b),
            Date::Between(a, b) => between(&month(a), &month(b)),
        }
    }

    /// A longer rendering for detail views: "2 October 2012".
    pub fn long(&self) -> String {
        let point = |d: &PartialDate| match (d.month, d.day) {
            (Some(m), Some(day)) => format!("{day} {} {}", MONTHS_LONG[usize::from(m) - 1], d.year),
            (Some(m), None) => format!("{} {}", MONTHS_LONG[usize::from(m) - 1], d.year),
            _ => d.year.to_string(),
        };
        match self {
            Date::On(d) => point(d),
            Date::Until(d) => format!("at some time up to {}", point(d)),
            Date::From(d) => format!("at some time from {} on", point(d)),
            Date::Between(a, b) => format!("from {} to {}", point(a), point(b)),
        }
    }

    /// A word for the precision: "year", "month", "day", or "open interval".
    pub fn precision_name(&self) -> &'static str {
        match self {
            Date::On(d) => ["year", "month", "day"][usize::from(d.precision())],
            Date::Until(_) | Date::From(_) => "open interval",
            Date::Between(..) => "interval",
        }
    }

    /// Orders dates on a timeline. Open spans that end at a date ("before Oct 2012") may
    /// have begun at any time, so they come first, by their end. Points follow in time,
    /// each at the end of what it can mean: the days of a month before the month itself
    /// ("2 Oct 2012" before an "Oct 2012" that may be any day of it), the months of a year
    /// before the year. A span that starts at a date ("after Oct 2012") comes right after
    /// that date.
    pub fn timeline_cmp(&self, other: &Date) -> Ordering {
        self.sort_key().cmp(&other.sort_key())
    }

    fn sort_key(&self) -> (u8, u16, u8, u8, u8) {
        let at = |d: &PartialDate| (d.year, d.month.unwrap_or(13), d.day.unwrap_or(32));
        match self {
            // "before 2012" before "before Oct 2012": by where each span's end begins.
            Date::Until(d) => {
                let (year, month, day) = d.bounds().0;
                (0, year, month, day, 0)
            }
            Date::On(d) => {
                let (year, month, day) = at(d);
                (1, year, month, day, 0)
            }
            // An interval stands where it starts, on the day it starts.
            Date::Between(d, _) => {
                let (year, month, day) = d.bounds().0;
                (1, year, month, day, 0)
            }
            // "after Oct 2012" right after what is dated Oct 2012, not after every later
            // date: it begins there.
            Date::From(d) => {
                let (year, month, day) = at(d);
                (1, year, month, day, 1)
            }
        }
    }

    /// The first and last day the date may mean; an open end reaches as far as a date can.
    pub fn bounds(&self) -> ((u16, u8, u8), (u16, u8, u8)) {
        const FIRST: (u16, u8, u8) = (0, 1, 1);
        const LAST: (u16, u8, u8) = (9999, 12, 31);
        match self {
            Date::On(d) => d.bounds(),
            Date::Until(d) => (FIRST, d.bounds().1),
            Date::From(d) => (d.bounds().0, LAST),
            Date::Between(a, b) => (a.bounds().0, b.bounds().1),
        }
    }

    /// Whether the two dates can mean the same time: the record's date against the one a
    /// curator inferred, say. "May 2012" and "11 May 2011" cannot.
    pub fn overlaps(&self, other: &Date) -> bool {
        let (a, b) = (self.bounds(), other.bounds());
        a.0 <= b.1 && b.0 <= a.1
    }
}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Self, DateError> {
        let fail = |reason| DateError {
            text: text.to_string(),
            reason,
        };
        if let Some(rest) = text.strip_prefix("../") {
            PartialDate::parse(rest).map(Date::Until).map_err(fail)
        } else if let Some(rest) = text.strip_suffix("/..") {
            PartialDate::parse(rest).map(Date::From).map_err(fail)
        } else if let Some((start, end)) = text.split_once('/') {
            let start = PartialDate::parse(start).map_err(fail)?;
            let end = PartialDate::parse(end).map_err(fail)?;
            if start.bounds().0 >= end.bounds().0 {
                return Err(fail(
                    "the second date of an interval must begin after the first",
                ));
            }
            Ok(Date::Between(start, end))
        } else {
            PartialDate::parse(text).map(Date::On).map_err(fail)
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Date::On(d) => write!(f, "{d}"),
            Date::Until(d) => write!(f, "../{d}"),
            Date::From(d) => write!(f, "{d}/.."),
            Date::Between(a, b) => write!(f, "{a}/{b}"),
        }
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Read in place where the format allows: a date is parsed, never kept as text.
        struct Written;
        impl serde::de::Visitor<'_> for Written {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date such as 2012-10-02, 2012-10, 2012 or 2012-10/2013-01")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Date, E> {
                text.parse().map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Written)
    }
}

/// An interval without saying twice what its ends share: "3–4 Oct 2012", "Oct–Nov 2012",
/// "30 Sep–4 Oct 2012", "Dec 2012–Jan 2013".
fn between(a: &PartialDate, b: &PartialDate) -> String {
    let same_year = a.year == b.year;
    match (a.month, a.day, b.month, b.day) {
        (Some(am), Some(ad), Some(bm), Some(bd)) if same_year && am == bm => {
            format!("{ad}–{bd} {} {}", MONTHS[usize::from(am) - 1], a.year)
        }
        (Some(am), Some(ad), Some(_), Some(_)) if same_year => {
            format!("{ad} {}–{}", MONTHS[usize::from(am) - 1], b.human())
        }
        (Some(am), None, Some(_), None) if same_year => {
            format!("{}–{}", MONTHS[usize::from(am) - 1], b.human())
        }
        _ => format!("{}–{}", a.human(), b.human()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Date {
        s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn keeps_precision_and_round_trips() {
        for s in [
            "2012",
            "2012-05",
            "2012-10-02",
            "../2012",
            "2012/..",
            "../2012-10",
            "2016-09-24/2016-10-10",
            "2011-05/2011-06",
        ] {
            assert_eq!(date(s).to_string(), s);
        }
        // An interval says once what its ends share.
        assert_eq!(date("2016-09-24/2016-10-10").human(), "24 Sep–10 Oct 2016");
        assert_eq!(date("2012-10-03/2012-10-04").human(), "3–4 Oct 2012");
        assert_eq!(date("2011-05/2011-06").human(), "May–Jun 2011");
        assert_eq!(date("2012-12/2013-01").human(), "Dec 2012–Jan 2013");
        assert_eq!(
            date("2012-12-30/2013-01-02").human(),
            "30 Dec 2012–2 Jan 2013"
        );
        assert_eq!(date("2012/2013").human(), "2012–2013");
        assert_eq!(date("2012-10/2012-11-05").human(), "Oct 2012–5 Nov 2012");
        // In a column of dates, intervals across months and open spans drop their days.
        assert_eq!(date("2005-07-18/2008-10-10").short(), "Jul 2005–Oct 2008");
        assert_eq!(date("2008-09-06/2008-10-10").short(), "Sep–Oct 2008");
        assert_eq!(date("2012-10-03/2012-10-04").short(), "3–4 Oct 2012");
        assert_eq!(date("../2014-12-31").short(), "before Dec 2014");
        assert_eq!(date("2012-10-02").short(), "2 Oct 2012");
        assert_eq!(date("2011/2014-12").short(), "2011–Dec 2014");
        assert_eq!(
            date("2011-05-11/2011-05-12").long(),
            "from 11 May 2011 to 12 May 2011"
        );
        assert_eq!(date("2012-05").human(), "May 2012");
        assert_eq!(date("2012-10-02").human(), "2 Oct 2012");
        assert_eq!(date("../2012").human(), "before 2012");
        assert_eq!(date("2012-10/..").human(), "after Oct 2012");
        assert_eq!(date("2012-05").precision_name(), "month");
    }

    #[test]
    fn rejects_malformed_dates() {
        for s in [
            "",
            "12",
            "2012-5",
            "2012-13",
            "2012-00",
            "2012-02-30",
            "2011-02-29",
            "2012-05-01-01",
            "2013/2012",
            "2012-05/2012-05",
            "2012-05-02/2012-05",
            "2012-05/2012-13",
            "2012/../2013",
            "../",
            "May 2012",
            "2012-1a",
            "+2012",
            "２０１２",
        ] {
            assert!(s.parse::<Date>().is_err(), "{s} should be rejected");
        }
        assert!("2012-02-29".parse::<Date>().is_ok());
        assert!("2000-02-29".parse::<Date>().is_ok());
        assert!("1900-02-29".parse::<Date>().is_err());
        assert!("2012/2013".parse::<Date>().is_ok());
    }

    #[test]
    fn overlaps_tells_whether_two_dates_can_mean_the_same_time() {
        assert!(!date("2012-05").overlaps(&date("2011-05-11/2011-05-12")));
        assert!(date("2012-05").overlaps(&date("2012-05-14")));
        assert!(date("2012-10/..").overlaps(&date("2017-06")));
        assert!(!date("../2012-10").overlaps(&date("2013")));
        assert!(date("../2012-10").overlaps(&date("2012-10-02")));
        assert!(date("2012").overlaps(&date("2011-12/2012-01")));
    }

    #[test]
    fn timeline_order_puts_open_spans_first_a_month_after_its_days_and_after_x_right_after_x() {
        let mut dates = [
            date("2012-10/.."),
            date("2012"),
            date("2012-10-02"),
            date("2012-10"),
            date("../2012-10"),
            date("2012-05"),
            date("../2012"),
            date("2012-10-31"),
            date("2013-01"),
        ];
        dates.sort_by(|a, b| a.timeline_cmp(b));
        let got: Vec<String> = dates.iter().map(ToString::to_string).collect();
        assert_eq!(
            got,
            [
                "../2012",
                "../2012-10",
                "2012-05",
                "2012-10-02",
                "2012-10-31",
                "2012-10",
                "2012-10/..",
                "2012",
                "2013-01",
            ]
        );
    }
}
