using System.Diagnostics;
using MicroCredentials.Rdf;
using MicroCredentials.Rdf.Canonicalization;

namespace MicroCredentials.Core.Tests.Rdf;

/// <summary>
/// RDFC-1.0 stays bounded in time and stack whatever <see cref="Rdfc10Options.MaxWorkFactor"/> allows: a ring of
/// look-alike blank nodes needs about n² Hash N-Degree Quads calls, each recursing n deep.
/// </summary>
public sealed class Rdfc10LimitsTests
{
    /// <summary>_:n0 → _:n1 → … → _:n(size-1) → _:n0: every node has the same first-degree hash.</summary>
    private static List<Quad> Ring(int size)
    {
        var predicate = RdfTerm.Iri("http://example.org/next");
        var quads = new List<Quad>(size);
        for (var i = 0; i < size; i++)
        {
            quads.Add(new Quad(RdfTerm.Blank("n" + i), predicate, RdfTerm.Blank("n" + ((i + 1) % size))));
        }

        return quads;
    }

    private static readonly Rdfc10Options Cubic = new() { MaxWorkFactor = 3 };

    [Test]
    public void Canonicalize_RingOf100WithWorkFactor3_IsCanonicalized()
    {
        Assert.That(Rdfc10.Canonicalize(Ring(100), Cubic).Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(100));
    }

    [Test]
    public void Canonicalize_RingOf100WithDefaultWorkFactor_IsPoisoned()
    {
        // rdf-canonize's default (n calls) refuses it too.
        Assert.That(() => Rdfc10.Canonicalize(Ring(100)), Throws.TypeOf<Rdfc10WorkLimitExceededException>());
    }

    [Test]
    public void Canonicalize_RingRecursingAtDepthLimit_StopsAtTheCallLimitInstead()
    {
        // A ring of 257 recurses 256 deep (the limit), then runs out of calls: n² > RdfcMaxDeepIterations.
        var e = Assert.Throws<Rdfc10WorkLimitExceededException>(() => Rdfc10.Canonicalize(Ring(CoreLimits.RdfcMaxRecursionDepth + 1), Cubic));

        Assert.That(e!.Message, Does.Contain($"more than {CoreLimits.RdfcMaxDeepIterations} Hash N-Degree Quads calls"));
    }

    [Test]
    public void Canonicalize_RingRecursingOnePastDepthLimit_IsStoppedByDepth()
    {
        var e = Assert.Throws<Rdfc10WorkLimitExceededException>(() => Rdfc10.Canonicalize(Ring(CoreLimits.RdfcMaxRecursionDepth + 2), Cubic));

        Assert.That(e!.Message, Does.Contain($"recurse more than {CoreLimits.RdfcMaxRecursionDepth} deep"));
    }

    [Test]
    public void Canonicalize_ExplicitLimitAboveCeiling_IsClampedToCeiling()
    {
        var options = new Rdfc10Options { MaxDeepIterations = CoreLimits.RdfcMaxDeepIterations + 1 };

        var e = Assert.Throws<Rdfc10WorkLimitExceededException>(() => Rdfc10.Canonicalize(Ring(200), options));

        Assert.That(e!.Message, Does.Contain($"more than {CoreLimits.RdfcMaxDeepIterations} Hash N-Degree Quads calls"));
    }

    [Test]
    public void Canonicalize_LargeRingWithUnboundedWorkFactor_FailsWithinASecond()
    {
        var watch = Stopwatch.StartNew();

        Assert.That(() => Rdfc10.Canonicalize(Ring(5000), new Rdfc10Options { MaxWorkFactor = 10 }), Throws.TypeOf<Rdfc10WorkLimitExceededException>());
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1)));
    }
}
