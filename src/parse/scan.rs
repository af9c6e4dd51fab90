//! Tiny scanners for the pieces a line is made of: list markers, point
//! numbers, dates, diary numbers. Each reads one production and nothing more;
//! the grammar each accepts is quoted in its doc comment.

use super::error::PResult;
use nom::Parser;
use nom::branch::alt;
use nom::bytes::complete::{take_while_m_n, take_while1};
use nom::character::complete::{char, digit1, one_of};
use nom::combinator::{map_res, not, opt, peek, recognize};

/// ```text
/// space0 = ( " " | "\t" )*
/// ```
/// nom's `space0`, read as bytes: nom's walks the characters through its
/// generic `split_at_position` (some forty instructions a call, where most
/// inputs open with no space or one).
pub(crate) fn space0(i: &str) -> PResult<'_, &str> {
    if opens_with_space(i) { Ok(split_spaces(i)) } else { Ok((i, "")) }
}

/// ```text
/// space1 = ( " " | "\t" )+
/// ```
/// nom's `space1`, read as bytes like [`space0`].
pub(crate) fn space1(i: &str) -> PResult<'_, &str> {
    if opens_with_space(i) {
        Ok(split_spaces(i))
    } else {
        Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Space)))
    }
}

/// The spaces and tabs `i` opens with, and what follows them: `(rest, spaces)`.
fn split_spaces(i: &str) -> (&str, &str) {
    let n = i.bytes().take_while(|b| matches!(b, b' ' | b'\t')).count();
    // The spaces are ASCII: the cut after them is a character boundary.
    let (spaces, rest) = i.split_at(n);
    (rest, spaces)
}

fn opens_with_space(i: &str) -> bool {
    matches!(i.as_bytes().first(), Some(b' ' | b'\t'))
}

/// Characters OCR leaves where a bullet stood (`e` and `o` are checked further).
fn is_bullet_char(c: char) -> bool {
    matches!(c, '•' | '¢' | '©' | '«' | '·' | '*' | '-' | '–' | '—' | '►' | '▪' | 'o' | 'e')
}

/// ```text
/// bullet = space* ( "•" | "¢" | "©" | "«" | "·" | "*" | "-" | "–" | "—" | "►" | "▪" | "e" ) space+
/// ```
/// `e` is what OCR most often makes of `•`; Swedish has no word `e`, so an
/// `e` standing alone before a word is a bullet. `o` is taken only before an
/// upper-case letter, since it is no Swedish word either but is a common OCR
/// reading of a hollow bullet.
pub(crate) fn bullet(i: &str) -> PResult<'_, ()> {
    let no_bullet = || nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Satisfy));
    let (i, _) = space0(i)?;
    // One character read as it stands, no parser around it: most lines
    // asked are words opening with `e` or `o`, which the space after the
    // marker rules out.
    let marker = i.chars().next().filter(|&c| is_bullet_char(c)).ok_or_else(no_bullet)?;
    let (i, _) = space1(&i[marker.len_utf8()..])?;
    if marker == 'o' || marker == 'e' {
        // A bullet must be followed by a word, not by punctuation or a digit run.
        let word = i
            .chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() && (marker == 'e' || c.is_uppercase()));
        if !word {
            return Err(no_bullet());
        }
    }
    Ok((i, ()))
}

/// ```text
/// point-number = space* digit{1,3} ( "." | ")" ) space+
/// ```
pub(crate) fn point_number(i: &str) -> PResult<'_, u32> {
    let no_number = || nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Digit));
    let (i, _) = space0(i)?;
    // Up to three ASCII digits, as bytes: their value fits any integer.
    let digits = i.bytes().take(3).take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return Err(no_number());
    }
    let n = i.bytes().take(digits).fold(0, |n, d| n * 10 + u32::from(d - b'0'));
    // The digits and the mark are ASCII: the cut after them is a character boundary.
    match i.as_bytes().get(digits) {
        Some(b'.' | b')') => {}
        _ => return Err(no_number()),
    }
    let (i, _) = space1(&i[digits + 1..])?;
    Ok((i, n))
}

/// ```text
/// att-clause = space* bullet? "att" space+
/// ```
pub(crate) fn att_clause(i: &str) -> PResult<'_, ()> {
    let (i, _) = space0(i)?;
    let (i, _) = opt(bullet).parse(i)?;
    let (i, _) = att_word(i)?;
    let (i, _) = space1(i)?;
    Ok((i, ()))
}

/// `tag_no_case("att")`, compared as bytes. Only ASCII `a`, `A`, `t` and `T`
/// lower-case to the letters of `att`, so the three letters are its first
/// three bytes or nothing; nom's tag lower-cases character by character, a
/// good part of reading a list item.
fn att_word(i: &str) -> PResult<'_, &str> {
    match i.as_bytes().get(..3) {
        // Three ASCII bytes: both cuts fall on character boundaries.
        Some(word) if word.eq_ignore_ascii_case(b"att") => Ok((&i[3..], &i[..3])),
        _ => Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Tag))),
    }
}

/// What starts a list item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ItemMarker {
    Bullet,
    Number(u32),
    Att,
}

/// ```text
/// item-marker = point-number | att-clause | bullet
/// ```
/// Returns the marker and the rest of the line after it (after `att` for an *att*-clause).
///
/// The character after the leading spaces decides which productions can
/// match at all, and only those are tried, in the grammar's order: a digit
/// opens only a point number, an `a` only an *att*-clause, a bullet character
/// an *att*-clause or a bullet, anything else (most lines: a letter) nothing.
pub(crate) fn item_marker(i: &str) -> PResult<'_, ItemMarker> {
    let number = || point_number.map(ItemMarker::Number);
    let att = || att_clause.map(|_| ItemMarker::Att);
    // The spaces are ASCII, read as bytes: a character pattern's trim costs
    // more than the rest of ruling out a line that opens with a word.
    let lead = i.bytes().take_while(|b| matches!(b, b' ' | b'\t')).count();
    match i.get(lead..).and_then(|after| after.chars().next()) {
        Some(c) if c.is_ascii_digit() => number().parse(i),
        Some('a' | 'A') => att().parse(i),
        // `att-clause | bullet` where both open with the same bullet: it is
        // read once, then `att` looked for after it. (`a` is no bullet
        // character, so without a bullet neither alternative can match.)
        Some(c) if is_bullet_char(c) => {
            let (rest, ()) = bullet(i)?;
            let after_att: PResult<'_, (&str, &str)> = (att_word, space1).parse(rest);
            match after_att {
                Ok((after, _)) => Ok((after, ItemMarker::Att)),
                Err(_) => Ok((rest, ItemMarker::Bullet)),
            }
        }
        _ => Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Alt))),
    }
}

/// A calendar date as written: year, month, day. Not yet checked to exist.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct DateParts {
    pub year: u32,
    pub month: u32,
    pub day: u32,
}

impl DateParts {
    /// Whether the date exists in the Gregorian calendar.
    pub(crate) fn exists(&self) -> bool {
        let leap = self.year % 4 == 0 && (self.year % 100 != 0 || self.year % 400 == 0);
        let days = match self.month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return false,
        };
        (1900..=2199).contains(&self.year) && (1..=days).contains(&self.day)
    }

    /// `YYYY-MM-DD`.
    pub(crate) fn iso(&self) -> String {
        let (year, month, day) = (self.year, self.month, self.day);
        // Every date that exists has four, two and two digits: ten ASCII
        // bytes written straight out, where counting each number's digits
        // and padding them cost some five hundred instructions a date.
        if year < 10_000 && month < 100 && day < 100 {
            // `n`'s last digit, as an ASCII byte.
            let digit = |n: u32| b'0' + (n % 10) as u8;
            let bytes = [
                digit(year / 1000),
                digit(year / 100),
                digit(year / 10),
                digit(year),
                b'-',
                digit(month / 10),
                digit(month),
                b'-',
                digit(day / 10),
                digit(day),
            ];
            // Collecting the characters into a string cost three hundred
            // instructions: one check of ten ASCII bytes and one copy.
            if let Ok(iso) = std::str::from_utf8(&bytes) {
                return iso.to_string();
            }
        }
        // Digit by digit: `format!` costs several times more, once per date.
        let mut out = String::with_capacity(10);
        push_padded(&mut out, self.year, 4);
        out.push('-');
        push_padded(&mut out, self.month, 2);
        out.push('-');
        push_padded(&mut out, self.day, 2);
        out
    }
}

/// `n` in decimal with leading zeros up to `width` digits, as `{:0width$}` writes it.
fn push_padded(out: &mut String, n: u32, width: usize) {
    let digits = n.checked_ilog10().map_or(1, |log| log + 1);
    out.extend(std::iter::repeat_n('0', width.saturating_sub(digits as usize)));
    let mut unit = 10u32.pow(digits - 1);
    loop {
        // A digit in 0..=9: the cast keeps it.
        out.push(char::from(b'0' + (n / unit % 10) as u8));
        if unit == 1 {
            break;
        }
        unit /= 10;
    }
}

fn fixed_digits(n: usize) -> impl Fn(&str) -> PResult<'_, u32> {
    move |i| map_res(take_while_m_n(n, n, |c: char| c.is_ascii_digit()), str::parse::<u32>).parse(i)
}

/// ```text
/// iso-date = digit{4} "-" digit{2} "-" digit{2] !digit
/// ```
///
/// Read byte by byte: a fixed shape of ASCII bytes, where the combinators
/// (`take_while_m_n`, `str::parse`, `one_of`) cost some seven hundred
/// instructions a date, and every date of every document is read so.
pub(crate) fn iso_date(i: &str) -> PResult<'_, DateParts> {
    let b = i.as_bytes();
    // The number the digits of `b[range]` write, if all are digits.
    let number = |range: std::ops::Range<usize>| {
        b.get(range)?
            .iter()
            .try_fold(0u32, |n, &d| d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0')))
    };
    let dash = |at: usize| b.get(at) == Some(&b'-');
    let ended = !b.get(10).is_some_and(u8::is_ascii_digit);
    match (number(0..4), number(5..7), number(8..10)) {
        // Ten ASCII bytes were read: 10 is a char boundary.
        (Some(year), Some(month), Some(day)) if dash(4) && dash(7) && ended => {
            Ok((i.get(10..).unwrap_or(""), DateParts { year, month, day }))
        }
        _ => Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Digit))),
    }
}

/// Swedish month names, folded (å ä ö → a o), as the long date form writes them.
const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];

/// ```text
/// long-date = digit{1,2} space+ month-name space+ digit{4}      ; "19 februari 2026"
/// ```
pub(crate) fn long_date(i: &str) -> PResult<'_, DateParts> {
    let (i, day) =
        map_res(take_while_m_n(1, 2, |c: char| c.is_ascii_digit()), str::parse::<u32>).parse(i)?;
    let (i, _) = (opt(char('.')), space1).parse(i)?;
    let (i, name) = take_while1(|c: char| c.is_alphabetic()).parse(i)?;
    let folded = crate::fold::fold(name);
    let month = MONTHS
        .iter()
        .position(|m| *m == folded)
        .ok_or_else(|| nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Tag)))?
        as u32
        + 1;
    let (i, (_, year)) = (space1, fixed_digits(4)).parse(i)?;
    let (i, _) = not(peek(one_of("0123456789"))).parse(i)?;
    Ok((i, DateParts { year, month, day }))
}

/// ```text
/// date = iso-date | long-date
/// ```
pub(crate) fn date(i: &str) -> PResult<'_, DateParts> {
    // Both forms open with a digit, and most lines with a letter: a plain
    // test before the parsers, as in `paragraph_sign`.
    if !i.starts_with(|c: char| c.is_ascii_digit()) {
        return Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Digit)));
    }
    alt((iso_date, long_date)).parse(i)
}

/// A date found somewhere in a line: byte range in the line and its parts.
/// The last one: the numbers are tried from the line's end, where a listed
/// document's date stands, so the usual line is read back only that far.
pub(crate) fn find_last_date(line: &str) -> Option<(std::ops::Range<usize>, DateParts)> {
    // Digits are ASCII, so bytes will do: a digit byte is a whole character.
    let bytes = line.as_bytes();
    let digit_at = |at: usize| bytes.get(at).is_some_and(u8::is_ascii_digit);
    (0..bytes.len()).rev().find_map(|at| {
        // A date starts a number: the byte before must not be a digit.
        let starts_number = digit_at(at) && !at.checked_sub(1).is_some_and(digit_at);
        if !starts_number || !may_open_date(bytes.get(at..).unwrap_or(&[])) {
            return None;
        }
        let (rest, parts) = date(line.get(at..)?).ok()?;
        Some((at..line.len() - rest.len(), parts))
    })
}

/// Whether a whole number opening `number` (a run of digits and what follows
/// it) can open a [`date`]: most numbers of a line (years, amounts, diary
/// numbers) are ruled out by their length and the byte after them, without
/// the parsers. Exact: `iso-date` takes four digits and then `-`, a fifth
/// digit failing it; `long-date` takes one or two and then `.` or a space,
/// a third digit failing it.
fn may_open_date(number: &[u8]) -> bool {
    let run = number.iter().take_while(|b| b.is_ascii_digit()).count();
    match number.get(run) {
        Some(b'-') => run == 4,
        Some(b'.' | b' ' | b'\t') => run <= 2,
        _ => false,
    }
}

/// ```text
/// diary-number = ( letters ( " " | "-" ) )? digit+ ( ( "/" | "-" | "." ) digit+ )+
/// letters      = upper{1,6}
/// ```
/// `KS-2024-00011`, `KS 2018/124`, `KFKS 2017/1106`, `KS-2014/742.912`, `SN 18/0098`, `2015-5613`.
pub(crate) fn diary_number(i: &str) -> PResult<'_, &str> {
    // Asked of most preamble lines, which open with a word: a plain test
    // before the parsers, as in `paragraph_sign`.
    if !may_open_diary_number(i) {
        return Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Digit)));
    }
    recognize((
        opt((take_while_m_n(1, 6, |c: char| c.is_uppercase()), one_of(" -"))),
        digit1,
        nom::multi::many1((one_of("/-."), digit1)),
    ))
    .parse(i)
}

/// Whether `i` opens as a [`diary_number`] must: a digit, or one to six
/// upper-case letters, then `" "` or `"-"`, then a digit. Exact: the letters
/// are taken greedily and never given back, so a seventh upper-case letter,
/// or any other character after the letters, fails the parser too.
fn may_open_diary_number(i: &str) -> bool {
    let mut chars = i.chars();
    let mut next = chars.next();
    let mut letters = 0;
    while next.is_some_and(char::is_uppercase) {
        letters += 1;
        if letters > 6 {
            return false;
        }
        next = chars.next();
    }
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    if letters == 0 { digit(next) } else { matches!(next, Some(' ' | '-')) && digit(chars.next()) }
}

/// The diary labels, folded, longer before shorter where one opens another
/// (`diarienummer` before `diarienr`): the first that fits is taken.
pub(crate) const DIARY_LABELS: [&str; 8] = [
    "diarienummer",
    "diarienr",
    "dnr",
    "var beteckning",
    "ert dnr",
    "arendenummer",
    "arendenr",
    "beteckning",
];

/// The (folded) letters a [`diary_label`] opens with.
pub(crate) const DIARY_LABEL_FIRSTS: [char; 5] = ['d', 'v', 'e', 'a', 'b'];

/// ```text
/// diary-label = ( "diarienummer" | "diarienr" | "dnr" | "vår beteckning" | "ert dnr"
///               | "ärendenummer" | "ärendenr" | "beteckning" ) "."? ":"? space*
/// ```
/// Matched on the folded line, so `Var beteckning` and `Vår beteckning` are one label.
pub(crate) fn diary_label(folded: &str) -> PResult<'_, ()> {
    let no_label = || nom::Err::Error(nom::error::Error::new(folded, nom::error::ErrorKind::Tag));
    // Every label opens with one of these letters, few lines do: a plain
    // test before the eight labels.
    if !folded.starts_with(DIARY_LABEL_FIRSTS) {
        return Err(no_label());
    }
    let i = DIARY_LABELS.iter().find_map(|l| folded.strip_prefix(l)).ok_or_else(no_label)?;
    // The label must end a word: `dnr` is not the start of `dnrx`.
    let (i, _) = not(peek(take_while1(|c: char| c.is_alphanumeric()))).parse(i)?;
    let (i, _) = (opt(char('.')), opt(char(':')), space0).parse(i)?;
    Ok((i, ()))
}

/// ```text
/// paragraph-sign = ( "§" | "$" ) space* digit{1,4} !digit
/// ```
/// The number of a minutes item (`§ 83`). OCR's `$` for `§` is accepted; its
/// `8` and `S` are not, since they are indistinguishable from text.
pub(crate) fn paragraph_sign(i: &str) -> PResult<'_, u32> {
    let (i, _) = space0(i)?;
    // Nearly every line fails here: a plain test before the parsers.
    if !i.starts_with(['§', '$']) {
        return Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::OneOf)));
    }
    let (i, _) = (one_of("§$"), space0).parse(i)?;
    let (i, n) =
        map_res(take_while_m_n(1, 4, |c: char| c.is_ascii_digit()), str::parse::<u32>).parse(i)?;
    let (i, _) = not(peek(one_of("0123456789"))).parse(i)?;
    Ok((i, n))
}

#[cfg(test)]
mod tests {
    use super::*;
    use nom::character::complete::satisfy;
    use nom::combinator::verify;

    /// `find_last_date` as first written: every number read from the
    /// start, the last date kept.
    fn find_last_date_forward(line: &str) -> Option<(std::ops::Range<usize>, DateParts)> {
        let mut found = None;
        let bytes = line.as_bytes();
        let mut after_digit = false;
        for (at, &b) in bytes.iter().enumerate() {
            let digit = b.is_ascii_digit();
            if digit
                && !after_digit
                && may_open_date(bytes.get(at..).unwrap_or(&[]))
                && let Some(Ok((rest, parts))) = line.get(at..).map(date)
            {
                found = Some((at..line.len() - rest.len(), parts));
            }
            after_digit = digit;
        }
        found
    }

    proptest::proptest! {
        #[test]
        fn the_last_date_is_found_from_either_end(
            line in "([a-zåäö ,.:-]|20[0-9]{2}-[01][0-9]-[0-3][0-9]|[0-9]{1,5}|[0-3]?[0-9] (februari|mars|maj) 20[0-9]{2}|[0-9]{1,2}\\.|é){0,8}"
        ) {
            let a = find_last_date(&line).map(|(r, d)| (r, d.iso()));
            let b = find_last_date_forward(&line).map(|(r, d)| (r, d.iso()));
            proptest::prop_assert_eq!(a, b);
        }
    }

    #[test]
    fn att_word_reads_as_nom_tag_no_case() {
        let nom_att =
            |i| nom::bytes::complete::tag_no_case::<_, _, nom::error::Error<&str>>("att").parse(i);
        let mut inputs: Vec<String> =
            ["", "a", "at", "att", "ATT", "aTt x", "attx", "Att:", "atå", "åtta"]
                .map(String::from)
                .into();
        // Every character up to U+3000 in each place of the word.
        for c in (0..0x3000).filter_map(char::from_u32) {
            inputs.extend([
                format!("{c}tt"),
                format!("a{c}t"),
                format!("at{c}"),
                format!("att{c}"),
            ]);
        }
        for i in &inputs {
            assert_eq!(att_word(i).ok(), nom_att(i).ok(), "{i:?}");
        }
    }

    #[test]
    fn spaces_read_as_noms_read() {
        use nom::character::complete as nom_c;
        for i in
            ["", " ", "\t x", "  x", "x", "é", "\u{a0}x", "\n", " \t é", "\t\t", " \u{3000}", "  "]
        {
            assert_eq!(space0(i), nom_c::space0::<_, nom::error::Error<&str>>(i), "{i:?}");
            assert_eq!(
                space1(i).ok(),
                nom_c::space1::<_, nom::error::Error<&str>>(i).ok(),
                "{i:?}"
            );
        }
    }

    /// The nom parsers [`bullet`] and [`point_number`] were first written as.
    fn bullet_by_nom(i: &str) -> PResult<'_, ()> {
        let (i, _) = space0(i)?;
        let (i, marker) = satisfy(is_bullet_char).parse(i)?;
        let (i, _) = space1(i)?;
        if marker == 'o' || marker == 'e' {
            let (_, _) = peek(verify(nom::character::complete::anychar, |c: &char| {
                c.is_alphabetic() && (marker == 'e' || c.is_uppercase())
            }))
            .parse(i)?;
        }
        Ok((i, ()))
    }

    fn point_number_by_nom(i: &str) -> PResult<'_, u32> {
        let (i, _) = space0(i)?;
        let (i, n) =
            map_res(take_while_m_n(1, 3, |c: char| c.is_ascii_digit()), str::parse).parse(i)?;
        let (i, _) = one_of(".)").parse(i)?;
        let (i, _) = space1(i)?;
        Ok((i, n))
    }

    #[test]
    fn bullets_and_point_numbers_read_as_by_nom() {
        let mut inputs: Vec<String> = [
            "",
            " ",
            "1",
            "12.",
            "1. x",
            " 12) anta",
            "123.\tx",
            "1234. x",
            "0. x",
            "007) x",
            "1.5 miljoner",
            "2026-02-19",
            "9.",
            "9. ",
            "e Tjänsteskrivelse",
            "o Kommun",
            "o kommun",
            "e 2026",
            "e-post",
            "en kommun",
            "• ",
            "•\t\tÅ",
            "\t¢ x",
            "  - att",
        ]
        .map(String::from)
        .into();
        // Every character up to U+3000 as a marker, and after one.
        for c in (0..0x3000).filter_map(char::from_u32) {
            inputs.extend([
                format!("{c} Word"),
                format!("{c} word"),
                format!("{c}word"),
                format!(" {c}\t{c}"),
                format!("e {c}"),
                format!("o {c}"),
                format!("1{c} x"),
                format!("12{c} x"),
                format!("12.{c}"),
            ]);
        }
        for i in &inputs {
            assert_eq!(bullet(i).ok(), bullet_by_nom(i).ok(), "{i:?}");
            assert_eq!(point_number(i).ok(), point_number_by_nom(i).ok(), "{i:?}");
        }
    }

    #[test]
    fn bullets_ocr_made() {
        for line in ["e Tjänsteskrivelse", "¢ Tekniska", "• Valnämnden", " e Miljö", "- att", "© X"]
        {
            assert!(bullet(line).is_ok(), "{line}");
        }
    }

    #[test]
    fn bullet_rejects_words_and_missing_space() {
        for line in ["en kommun", "e-post", "e 2026", "Tjänst", "-1", "o kommun"] {
            assert!(bullet(line).is_err(), "{line}");
        }
    }

    #[test]
    fn point_numbers() {
        assert_eq!(point_number("1. ge uppdrag").unwrap(), ("ge uppdrag", 1));
        assert_eq!(point_number(" 12) anta").unwrap().1, 12);
        assert!(point_number("2026-02-19").is_err());
        assert!(point_number("1.5 miljoner").is_err());
    }

    #[test]
    fn item_markers_read_as_the_plain_alternation_reads_them() {
        let plain = |i| {
            alt((
                point_number.map(ItemMarker::Number),
                att_clause.map(|_| ItemMarker::Att),
                bullet.map(|_| ItemMarker::Bullet),
            ))
            .parse(i)
            .ok()
        };
        for line in [
            "1. x",
            " 12) y",
            "att z",
            "  Att z",
            "- att z",
            "e Ord",
            "o Ord",
            "• x",
            "\tatt x",
            "• att x",
            "e att x",
            "Kommunen",
            "  beslutar",
            "Eftersom",
            "",
            "  ",
            "1.5 m",
            "attityd",
            "e 2026",
            "o kommun",
            "é x",
            "¢ Tekniska",
            "*",
            "—  x",
        ] {
            assert_eq!(item_marker(line).ok(), plain(line), "{line:?}");
        }
    }

    #[test]
    fn att_clauses() {
        assert!(att_clause("att anta planen").is_ok());
        assert!(att_clause("- att anta").is_ok());
        assert!(att_clause("attityd").is_err());
    }

    #[test]
    fn iso_dates_and_their_existence() {
        let (_, d) = iso_date("2026-02-19").unwrap();
        assert!(d.exists());
        assert_eq!(d.iso(), "2026-02-19");
        assert!(!iso_date("2026-02-30").unwrap().1.exists());
        assert!(iso_date("2026-02-190").is_err());
        assert!(iso_date("26-02-19").is_err());
    }

    #[test]
    fn iso_writes_what_format_writes() {
        let mut dates =
            vec![(2026, 2, 19), (0, 0, 0), (7, 12, 31), (12345, 100, 9), (u32::MAX, 1, 10)];
        // Every width around the four-two-two shortcut's limits.
        for year in [0, 5, 10, 99, 100, 999, 1000, 1900, 2199, 9999, 10_000, 99_999] {
            for month in [0, 1, 9, 10, 12, 99, 100, 101] {
                for day in [0, 1, 9, 10, 31, 99, 100, 1000] {
                    dates.push((year, month, day));
                }
            }
        }
        for (year, month, day) in dates {
            let d = DateParts { year, month, day };
            assert_eq!(d.iso(), format!("{year:04}-{month:02}-{day:02}"));
        }
    }

    #[test]
    fn long_dates() {
        let (_, d) = long_date("19 februari 2026").unwrap();
        assert_eq!(d.iso(), "2026-02-19");
        assert!(long_date("19 febrarius 2026").is_err());
    }

    #[test]
    fn last_date_in_a_line() {
        let line = "Rapport 2024-2027, 2026-02-02";
        let (r, d) = find_last_date(line).unwrap();
        assert_eq!(&line[r], "2026-02-02");
        assert_eq!(d.day, 2);
        assert!(find_last_date("plan 2024-2027").is_none());
    }

    #[test]
    fn iso_dates_read_as_the_combinators_read_them() {
        let combinators = |i| -> PResult<'_, DateParts> {
            let (i, (year, _, month, _, day)) =
                (fixed_digits(4), char('-'), fixed_digits(2), char('-'), fixed_digits(2))
                    .parse(i)?;
            let (i, _) = not(peek(one_of("0123456789"))).parse(i)?;
            Ok((i, DateParts { year, month, day }))
        };
        for i in [
            "2026-02-19",
            "2026-02-19 x",
            "2026-02-190",
            "2026-02-19-",
            "2026-02-1",
            "2026-2-19",
            "202-02-19",
            "20260-02-19",
            "2026/02/19",
            "2026-02-1é",
            "2026-0é-19",
            "é026-02-19",
            "9999-99-99",
            "0000-00-00x",
            "",
            "2026-02-",
            "２026-02-19",
        ] {
            assert_eq!(iso_date(i).ok(), combinators(i).ok(), "{i:?}");
        }
    }

    #[test]
    fn the_date_precheck_rules_out_only_what_date_rejects() {
        for i in [
            "2026-02-19",
            "19 februari 2026",
            "1. mars 2020",
            "5\tmaj 2021",
            "12345-01-01",
            "202-01-01",
            "123 maj 2020",
            "2026",
            "2026-",
            "19",
            "19 ",
            "3.5",
            "07 juni 2024x",
            "2026/02/19",
        ] {
            if date(i).is_ok() {
                assert!(may_open_date(i.as_bytes()), "{i:?}");
            }
        }
        assert!(!may_open_date(b"2024/5"));
        assert!(!may_open_date(b"123 kr"));
    }

    #[test]
    fn diary_numbers_of_many_municipalities() {
        for dnr in [
            "KS-2024-00011",
            "KS 2018/124",
            "KFKS 2017/1106",
            "KS-2014/742.912",
            "SN 18/0098",
            "2015-5613",
        ] {
            assert_eq!(diary_number(dnr).unwrap(), ("", dnr));
        }
        assert!(diary_number("Kommunstyrelsen").is_err());
        assert!(diary_number("2026").is_err());
    }

    #[test]
    fn diary_numbers_read_as_the_plain_parser_reads_them() {
        let plain = |i| -> PResult<'_, &str> {
            recognize((
                opt((take_while_m_n(1, 6, |c: char| c.is_uppercase()), one_of(" -"))),
                digit1,
                nom::multi::many1((one_of("/-."), digit1)),
            ))
            .parse(i)
        };
        for i in [
            "KS-2024-00011",
            "KS 2018/124 x",
            "KFKS 2017/1106",
            "ABCDEF 1/2",
            "ABCDEFG 1/2",
            "ÅÄÖ-1-2",
            "SN 18/0098",
            "2015-5613",
            "2015",
            "Kommunstyrelsen",
            "K 1/2",
            "KS  1/2",
            "KS-x",
            "KS-",
            "",
            "1",
            "Ö",
            "Dnr 1/2",
            "ΣΣ 1/2",
        ] {
            assert_eq!(diary_number(i).ok(), plain(i).ok(), "{i:?}");
        }
    }

    #[test]
    fn diary_labels() {
        assert!(diary_label("dnr ks 2018/4").is_ok());
        assert!(diary_label("var beteckning: ks").is_ok());
        assert!(diary_label("dnrx").is_err());
        // Every label passes the first-letter test.
        for label in DIARY_LABELS {
            assert!(diary_label(&format!("{label}: KS 1/2")).is_ok(), "{label}");
        }
    }

    #[test]
    fn paragraph_signs() {
        assert_eq!(paragraph_sign("§ 83 Dnr KS").unwrap().1, 83);
        assert_eq!(paragraph_sign("$208").unwrap().1, 208);
        assert!(paragraph_sign("§ abc").is_err());
    }
}
