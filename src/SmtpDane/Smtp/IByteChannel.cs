namespace SmtpDane.Smtp;

/// <summary>A bidirectional byte stream the SMTP session talks over: the plain TCP stream before STARTTLS, the TLS
/// channel after it. Reads return 0 at end of stream. Cancellation is how deadlines end a wait.</summary>
internal interface IByteChannel
{
    ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct);

    ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken ct);
}
