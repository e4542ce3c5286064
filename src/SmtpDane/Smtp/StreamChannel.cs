namespace SmtpDane.Smtp;

/// <summary>The plaintext channel: a connected stream, as is.</summary>
internal sealed class StreamChannel : IByteChannel
{
    private readonly Stream _stream;

    public StreamChannel(Stream stream) => _stream = stream;

    public ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct) => _stream.ReadAsync(buffer, ct);

    public ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken ct) => _stream.WriteAsync(data, ct);
}
