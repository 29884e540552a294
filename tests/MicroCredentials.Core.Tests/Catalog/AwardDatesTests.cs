using MicroCredentials.Catalog;
using MicroCredentials.Core.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace MicroCredentials.Core.Tests.Catalog;

public sealed class AwardDatesTests
{
    private const string Header = "email;name;code;awarded;grade;start;end\n";

    [TestCase("2026-02-10", "", TestName = "Today")]
    [TestCase("2025-09-22", "2025-09-22", TestName = "On the course start")]
    [TestCase("2000-01-01", "", TestName = "First day of the earliest year")]
    public void Read_AwardDateInRange_Accepted(string awarded, string start)
    {
        var result = LearnerCsvReader.Read($"{Header}a@b.be;An;MC-CBE;{awarded};;{start};\n", "x.csv", Samples.Catalog(), Samples.Today);

        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.Rows, Has.Count.EqualTo(1));
    }

    [TestCase("2026-02-11", "", "x.csv:2: awarded: the award date 2026-02-11 lies in the future (today is 2026-02-10); give the exam board's date.", TestName = "Tomorrow")]
    [TestCase("0001-01-01", "", "x.csv:2: awarded: 0001-01-01 lies before 2000; check the year.", TestName = "Year 0001")]
    [TestCase("1999-12-31", "", "x.csv:2: awarded: 1999-12-31 lies before 2000; check the year.", TestName = "One day before the earliest year")]
    [TestCase("2025-09-21", "2025-09-22", "x.csv:2: awarded: the award date 2025-09-21 lies before the course start 2025-09-22.", TestName = "Before the course start")]
    [TestCase("2026-02-06", "0001-01-01", "x.csv:2: start: 0001-01-01 lies before 2000; check the year.", TestName = "Start in year 0001")]
    public void Read_AwardDateOutOfRange_RowError(string awarded, string start, string expected)
    {
        var result = LearnerCsvReader.Read($"{Header}a@b.be;An;MC-CBE;{awarded};;{start};\n", "x.csv", Samples.Catalog(), Samples.Today);

        Assert.That(result.Rows, Is.Empty);
        Assert.That(result.Errors.Select(e => e.ToString()), Is.EqualTo(new[] { expected }));
    }

    [Test]
    public void Today_UsesTheClocksLocalCalendar()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 2, 9, 23, 30, 0, TimeSpan.Zero));
        time.SetLocalTimeZone(TimeZoneInfo.CreateCustomTimeZone("Brussels winter", TimeSpan.FromHours(1), "Brussels winter", "Brussels winter"));

        Assert.That(AwardDates.Today(time), Is.EqualTo(new DateOnly(2026, 2, 10)));
    }
}
