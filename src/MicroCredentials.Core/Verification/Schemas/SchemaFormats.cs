namespace MicroCredentials.Verification.Schemas;

/// <summary>
/// The RFC 3339 §5.6 grammar for the <c>date-time</c> and <c>date</c> formats, with the calendar checks the grammar
/// leaves to the reader (month lengths, leap years, hour 00–23, minute 00–59, second 00–60).
/// </summary>
internal static class SchemaFormats
{
    /// <summary>Whether <paramref name="text"/> has the format.</summary>
    public static bool IsValid(SchemaFormat format, string text) => format switch
    {
        SchemaFormat.DateTime => IsDateTime(text),
        SchemaFormat.Date => text.Length == 10 && IsFullDate(text.AsSpan()),
        _ => true,
    };

    // date-time = full-date "T" full-time; full-time = partial-time time-offset;
    // partial-time = HH ":" MM ":" SS ["." 1*DIGIT]; time-offset = "Z" / ("+" / "-") HH ":" MM. T and Z in either case.
    private static bool IsDateTime(string text)
    {
        var s = text.AsSpan();
        if (s.Length < 20 || !IsFullDate(s[..10]) || (s[10] != 'T' && s[10] != 't'))
        {
            return false;
        }

        if (!Two(s, 11, out var hour) || s[13] != ':' || !Two(s, 14, out var minute) || s[16] != ':' || !Two(s, 17, out var second)
            || hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }

        var i = 19;
        if (s[i] == '.')
        {
            var start = ++i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (i == start)
            {
                return false;
            }
        }

        if (i == s.Length - 1)
        {
            return s[i] is 'Z' or 'z';
        }

        return i == s.Length - 6 && s[i] is '+' or '-' && Two(s, i + 1, out var offsetHour) && s[i + 3] == ':'
            && Two(s, i + 4, out var offsetMinute) && offsetHour <= 23 && offsetMinute <= 59;
    }

    // full-date = YYYY "-" MM "-" DD, with the day valid for the month and year.
    private static bool IsFullDate(ReadOnlySpan<char> s)
    {
        if (s.Length != 10 || s[4] != '-' || s[7] != '-' || !Two(s, 0, out var century) || !Two(s, 2, out var yy)
            || !Two(s, 5, out var month) || !Two(s, 8, out var day))
        {
            return false;
        }

        var year = (century * 100) + yy;
        return month is >= 1 and <= 12 && day >= 1 && day <= DaysIn(year, month);
    }

    private static int DaysIn(int year, int month) => month switch
    {
        2 => (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };

    private static bool Two(ReadOnlySpan<char> s, int at, out int value)
    {
        value = 0;
        if (at + 1 >= s.Length || !char.IsAsciiDigit(s[at]) || !char.IsAsciiDigit(s[at + 1]))
        {
            return false;
        }

        value = ((s[at] - '0') * 10) + (s[at + 1] - '0');
        return true;
    }
}
