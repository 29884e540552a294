namespace MicroCredentials.Host.Mail;

/// <summary>How the connection to the SMTP server is protected (<c>Mail:Tls</c>).</summary>
public enum MailTlsMode
{
    /// <summary>Plain SMTP (only for a relay on the same machine or a test server).</summary>
    None,

    /// <summary>Plain connect, then <c>STARTTLS</c>, required (submission port 587). The default.</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465, "SMTPS").</summary>
    SslOnConnect,
}
