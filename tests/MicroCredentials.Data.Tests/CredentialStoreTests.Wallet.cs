namespace MicroCredentials.Data.Tests;

public sealed partial class CredentialStoreTests
{
    private const int MaxPinAttempts = 3;

    [Test]
    public async Task RedeemWalletOffer_RightPin_OnceThenAlreadyUsed()
    {
        var credential = await IssueAsync();
        await Store.CreateWalletOfferAsync("offer-1", credential.Id, "code-1", "123456", Start.AddMinutes(10), None);

        var first = await Store.RedeemWalletOfferAsync("code-1", "123456", "token-1", Start.AddMinutes(5), MaxPinAttempts, None);
        var second = await Store.RedeemWalletOfferAsync("code-1", "123456", "token-2", Start.AddMinutes(5), MaxPinAttempts, None);

        Assert.That(first, Is.EqualTo((WalletRedemption.Redeemed, (string?)credential.Id)));
        Assert.That(second.Outcome, Is.EqualTo(WalletRedemption.AlreadyUsed));
        Assert.That(await Store.FindCredentialByAccessTokenAsync("token-1", None), Is.EqualTo(credential.Id));
        Assert.That(await Store.FindCredentialByAccessTokenAsync("token-2", None), Is.Null);
        Assert.That((await Store.FindWalletOfferByCodeAsync("code-1", None))!.IsRedeemed, Is.True);
        var audit = await Store.QueryAuditAsync(credential.Id, 0, 10, None);
        Assert.That(audit.Count(a => a.Action == AuditAction.Wallet), Is.EqualTo(3));
    }

    [Test]
    public async Task RedeemWalletOffer_WrongPins_LockAtTheLimitEvenForTheRightPin()
    {
        var credential = await IssueAsync();
        await Store.CreateWalletOfferAsync("offer-2", credential.Id, "code-2", "654321", Start.AddMinutes(10), None);

        var outcomes = new List<WalletRedemption>();
        for (var i = 0; i < MaxPinAttempts; i++)
        {
            outcomes.Add((await Store.RedeemWalletOfferAsync("code-2", "000000", "t", Start.AddMinutes(5), MaxPinAttempts, None)).Outcome);
        }

        var right = await Store.RedeemWalletOfferAsync("code-2", "654321", "t", Start.AddMinutes(5), MaxPinAttempts, None);

        Assert.That(outcomes, Is.EqualTo(new[] { WalletRedemption.WrongTxCode, WalletRedemption.WrongTxCode, WalletRedemption.Locked }));
        Assert.That(right.Outcome, Is.EqualTo(WalletRedemption.Locked));
    }

    [Test]
    public async Task RedeemWalletOffer_AfterExpiry_ExpiredAndUnknownCodeUnknown()
    {
        var credential = await IssueAsync();
        await Store.CreateWalletOfferAsync("offer-3", credential.Id, "code-3", "111111", Start.AddMinutes(10), None);
        Time.Advance(TimeSpan.FromMinutes(10));

        Assert.That((await Store.RedeemWalletOfferAsync("code-3", "111111", "t3", Start.AddMinutes(20), MaxPinAttempts, None)).Outcome,
            Is.EqualTo(WalletRedemption.Expired));
        Assert.That((await Store.RedeemWalletOfferAsync("nope", "111111", "t4", Start.AddMinutes(20), MaxPinAttempts, None)).Outcome,
            Is.EqualTo(WalletRedemption.UnknownCode));
    }

    [Test]
    public async Task AccessToken_AfterItsExpiry_FindsNothing()
    {
        var credential = await IssueAsync();
        await Store.CreateWalletOfferAsync("offer-4", credential.Id, "code-4", "222222", Start.AddMinutes(10), None);
        await Store.RedeemWalletOfferAsync("code-4", "222222", "token-4", Start.AddMinutes(5), MaxPinAttempts, None);
        Time.Advance(TimeSpan.FromMinutes(5));
        Assert.That(await Store.FindCredentialByAccessTokenAsync("token-4", None), Is.Null);
    }

    [Test]
    public async Task ConsumeWalletNonce_OnceOnlyAndNotAfterExpiry()
    {
        await Store.CreateWalletNonceAsync("n-1", Start.AddMinutes(5), None);
        await Store.CreateWalletNonceAsync("n-2", Start.AddMinutes(5), None);

        Assert.That(await Store.ConsumeWalletNonceAsync("n-1", None), Is.True);
        Assert.That(await Store.ConsumeWalletNonceAsync("n-1", None), Is.False, "replayed");
        Assert.That(await Store.ConsumeWalletNonceAsync("foreign", None), Is.False, "never issued");
        Time.Advance(TimeSpan.FromMinutes(5));
        Assert.That(await Store.ConsumeWalletNonceAsync("n-2", None), Is.False, "stale");
    }
}
