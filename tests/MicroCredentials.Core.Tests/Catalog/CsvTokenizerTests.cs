using MicroCredentials.Catalog;

namespace MicroCredentials.Core.Tests.Catalog;

public sealed class CsvTokenizerTests
{
    private static List<CsvRecord> Tokenize(string text, char separator = ';')
    {
        var tokenizer = new CsvTokenizer(separator);
        var records = new List<CsvRecord>();
        foreach (var c in text)
        {
            if (tokenizer.Push(c) is { } record)
            {
                records.Add(record);
            }
        }

        if (tokenizer.End() is { } last)
        {
            records.Add(last);
        }

        return records;
    }

    private static string[][] Fields(string text, char separator = ';') =>
        [.. Tokenize(text, separator).Select(r => r.Fields.ToArray())];

    [TestCase("a;b\nc;d\n", TestName = "LF")]
    [TestCase("a;b\r\nc;d\r\n", TestName = "CRLF")]
    [TestCase("a;b\rc;d\r", TestName = "CR alone")]
    [TestCase("a;b\nc;d", TestName = "No line break at the end")]
    public void Push_LineBreaks_EndRecords(string text) =>
        Assert.That(Fields(text), Is.EqualTo(new[] { new[] { "a", "b" }, new[] { "c", "d" } }));

    [Test]
    public void Push_QuotedField_KeepsSeparatorsLineBreaksAndDoubledQuotes() =>
        Assert.That(Fields("\"De Smet; Jan\";\"line\nbreak\";\"say \"\"hi\"\"\"\n"),
            Is.EqualTo(new[] { new[] { "De Smet; Jan", "line\nbreak", "say \"hi\"" } }));

    [Test]
    public void Push_QuoteInsideUnquotedField_IsText() =>
        Assert.That(Fields("O\"Brien;x\n"), Is.EqualTo(new[] { new[] { "O\"Brien", "x" } }));

    [Test]
    public void Push_TextAfterClosingQuote_JoinsTheField() =>
        Assert.That(Fields("\"ab\"cd;e\n"), Is.EqualTo(new[] { new[] { "abcd", "e" } }));

    [Test]
    public void Push_EmptyFieldsAndEmptyLine_AreKept() =>
        Assert.That(Fields(";;\n\n\"\"\n"), Is.EqualTo(new[] { new[] { "", "", "" }, new[] { "" }, new[] { "" } }));

    [Test]
    public void Push_UnclosedQuote_RunsToTheEnd() =>
        Assert.That(Fields("a;\"open\nrest;of\nfile"), Is.EqualTo(new[] { new[] { "a", "open\nrest;of\nfile" } }));

    [Test]
    public void Push_OtherSeparator_SplitsOnItOnly() =>
        Assert.That(Fields("a,b;c\tx\n", ','), Is.EqualTo(new[] { new[] { "a", "b;c\tx" } }));

    [Test]
    public void Record_Line_CountsLineBreaksInsideQuotes()
    {
        var records = Tokenize("h\n\"two\nlines\"\r\nlast");

        Assert.That(records.Select(r => r.Line), Is.EqualTo(new[] { 1, 2, 4 }));
    }

    [Test]
    public void RecordChars_CountTheRecordAndItsLineBreakOnce()
    {
        var tokenizer = new CsvTokenizer(';');
        foreach (var c in "ab;c\r")
        {
            tokenizer.Push(c);
        }

        Assert.That(tokenizer.RecordChars, Is.EqualTo(5));
        Assert.That(tokenizer.Push('\n'), Is.Null, "the LF of a CRLF ends nothing");
        Assert.That(tokenizer.RecordChars, Is.EqualTo(5));
        tokenizer.Push('x');
        Assert.That((tokenizer.RecordChars, tokenizer.FieldChars, tokenizer.CompleteFields, tokenizer.RecordLine), Is.EqualTo((1, 1, 0, 2)));
    }

    [Test]
    public void End_NothingPushedSinceTheLastRecord_IsNull()
    {
        Assert.That(Tokenize(""), Is.Empty);
        Assert.That(Tokenize("a\n"), Has.Count.EqualTo(1));
    }

    [TestCase("a;b,c,d", ',', TestName = "Most frequent wins")]
    [TestCase("a;b,c", ';', TestName = "A tie goes to the first candidate")]
    [TestCase("abc", ';', TestName = "None: the first candidate")]
    [TestCase("a\tb\tc;d", '\t', TestName = "Tab")]
    public void DetectSeparator_FirstLine(string firstLine, char expected) =>
        Assert.That(CsvTokenizer.DetectSeparator(firstLine, [';', ',', '\t']), Is.EqualTo(expected));
}
