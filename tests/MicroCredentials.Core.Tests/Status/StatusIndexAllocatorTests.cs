using MicroCredentials.Status;

namespace MicroCredentials.Core.Tests.Status;

public sealed class StatusIndexAllocatorTests
{
    [Test]
    public void Allocate_ThousandsAcrossSmallLists_NeverReusesAnIndex()
    {
        // Storage's view: the current list, its taken indexes, and every (list, index) ever handed out.
        var allocator = new StatusIndexAllocator(listSize: 256);
        var issued = new HashSet<(int List, int Index)>();
        var lists = new List<HashSet<int>> { new() };

        for (var credential = 0; credential < 5_000; credential++)
        {
            var current = lists[^1];
            var allocation = allocator.Allocate(current.Contains);
            if (allocation.IsListFull)
            {
                lists.Add(current = []);
                allocation = allocator.Allocate(current.Contains);
            }

            Assert.That(allocation.IsListFull, Is.False);
            Assert.That(allocation.Index, Is.InRange(0, 255));
            Assert.That(current.Add(allocation.Index), Is.True, "index reused within a list");
            Assert.That(issued.Add((lists.Count - 1, allocation.Index)), Is.True);
        }

        Assert.That(issued, Has.Count.EqualTo(5_000));
        Assert.That(lists, Has.Count.GreaterThan(5_000 / 256));
        // A list is only reported full once it is mostly used (32 draws all hitting taken indexes).
        Assert.That(lists.SkipLast(1).Select(l => l.Count), Is.All.GreaterThan(256 / 2));
    }

    [Test]
    public void Allocate_FullList_SignalsListFull()
    {
        var allocator = new StatusIndexAllocator(listSize: 16, maxAttempts: 8);

        var allocation = allocator.Allocate(_ => true);

        Assert.That(allocation.IsListFull, Is.True);
        Assert.That(allocation.Index, Is.EqualTo(-1));
    }

    [Test]
    public void Allocate_OneFreeIndexInTinyList_FindsIt()
    {
        var allocator = new StatusIndexAllocator(listSize: 2, maxAttempts: 64);

        var allocation = allocator.Allocate(index => index == 0);

        Assert.That(allocation.Index, Is.EqualTo(1));
    }

    [Test]
    public void Allocate_DefaultSize_SpreadsOverTheWholeList()
    {
        var allocator = new StatusIndexAllocator();
        var indexes = Enumerable.Range(0, 2_000).Select(_ => allocator.Allocate(_ => false).Index).ToList();

        Assert.That(allocator.ListSize, Is.EqualTo(131_072));
        Assert.That(indexes, Is.All.InRange(0, 131_071));
        // Random, not sequential: both halves of the list are used and few collide.
        Assert.That(indexes.Count(i => i < 65_536), Is.InRange(800, 1_200));
        Assert.That(indexes.Distinct().Count(), Is.GreaterThan(1_950));
    }

    [Test]
    public async Task AllocateAsync_TakenPredicate_NeverReturnsTakenIndex()
    {
        var allocator = new StatusIndexAllocator(listSize: 64);
        var taken = new HashSet<int>();

        while (true)
        {
            var allocation = await allocator.AllocateAsync((index, _) => ValueTask.FromResult(taken.Contains(index)));
            if (allocation.IsListFull)
            {
                break;
            }

            Assert.That(taken.Add(allocation.Index), Is.True);
        }

        Assert.That(taken.Count, Is.InRange(32, 64));
    }

    [TestCase(0, 1)]
    [TestCase(1, 0)]
    [TestCase(-5, 1)]
    public void Constructor_NonPositive_Throws(int size, int attempts) =>
        Assert.That(() => new StatusIndexAllocator(size, attempts), Throws.TypeOf<ArgumentOutOfRangeException>());
}
