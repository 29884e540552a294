using MicroCredentials.Catalog;

namespace MicroCredentials.Data.Jobs;

/// <summary>A job row a worker holds: the learner row and the status slots reserved for it.</summary>
internal sealed record ClaimedJobRow(LearnerRow Row, StatusAllocation Status);
