using MicroCredentials.Catalog;

namespace MicroCredentials.Core.Tests.Catalog;

public sealed class LearnerNameKeyTests
{
    [TestCase("Jan De Vos", "jan de vos", TestName = "Of_PlainName_LowerCase")]
    [TestCase("Zoë Müller-Brontë", "zoe muller bronte", TestName = "Of_DiaeresesAndHyphen_Folded")]
    [TestCase("Łukasz Żółkiewski", "lukasz zolkiewski", TestName = "Of_PolishStrokeL_Folded")]
    [TestCase("Nguyễn Thị Ánh", "nguyen thi anh", TestName = "Of_VietnameseStackedMarks_Removed")]
    [TestCase("Sofie Ångström", "sofie angstrom", TestName = "Of_RingAbove_Removed")]
    [TestCase("Søren Kierkegaard", "soren kierkegaard", TestName = "Of_SlashedO_Folded")]
    [TestCase("Gauß", "gauss", TestName = "Of_SharpS_Folded")]
    [TestCase("Seán O’Brien", "sean obrien", TestName = "Of_Apostrophe_Dropped")]
    [TestCase("  ANNE-MARIE   d'Hondt ", "anne marie dhondt", TestName = "Of_SpacesAndCapitals_Collapsed")]
    [TestCase("Ｊａｎ", "jan", TestName = "Of_FullWidthLetters_Compatible")]
    [TestCase("--", "", TestName = "Of_NoLetters_Empty")]
    public void Of_Name_GivesSearchForm(string name, string expected) =>
        Assert.That(LearnerNameKey.Of(name), Is.EqualTo(expected));

    [Test]
    public void Words_TypedQuery_DistinctFoldedWords() =>
        Assert.That(LearnerNameKey.Words("De VOS  de jan"), Is.EqualTo(new[] { "de", "vos", "jan" }));

    [Test]
    public void Words_OnePastTheWordBound_Truncated()
    {
        var text = string.Join(' ', Enumerable.Range(0, CoreLimits.MaxSearchWords + 1).Select(i => "w" + i));

        Assert.That(LearnerNameKey.Words(text), Has.Count.EqualTo(CoreLimits.MaxSearchWords));
    }

    [Test]
    public void Words_OnePastTheTextBound_ReadsOnlyTheBound()
    {
        var text = new string('a', CoreLimits.MaxSearchTextLength) + " b";

        Assert.That(LearnerNameKey.Words(text), Is.EqualTo(new[] { new string('a', CoreLimits.MaxSearchTextLength) }));
    }
}
