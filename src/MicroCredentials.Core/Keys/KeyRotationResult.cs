namespace MicroCredentials.Keys;

/// <summary>What <see cref="KeyRotation.Rotate"/> did.</summary>
/// <param name="RetiredFolder">Where the retired generation's private keys are now (destroy them once the moment has passed
/// and no backup policy needs them: verifying needs only the history's public keys).</param>
/// <param name="Retired">The retired generation, with its window.</param>
/// <param name="Current">The new generation.</param>
public sealed record KeyRotationResult(string RetiredFolder, KeyGenerationRecord Retired, KeyGenerationRecord Current);
