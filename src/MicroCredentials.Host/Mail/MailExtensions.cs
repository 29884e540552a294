namespace MicroCredentials.Host.Mail;

/// <summary>Registers e-mail to the graduates: options (section <c>Mail</c>, validated now), the composer, the delivery and, when on, the worker.</summary>
internal static class MailExtensions
{
    /// <summary>Adds the mail services; the worker only when <c>Mail:Host</c> is set.</summary>
    /// <exception cref="InvalidOperationException">A <c>Mail</c> setting is invalid (the message names it).</exception>
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new MailOptions();
        configuration.GetSection(MailOptions.Section).Bind(options);
        options.Validate();
        services.AddSingleton(options);
        services.AddSingleton<MailComposer>();
        services.AddSingleton<MailDelivery>();
        if (options.Enabled)
        {
            services.AddHostedService<MailWorker>();
        }

        return services;
    }
}
