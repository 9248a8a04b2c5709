using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using RichContact.Web.Tests.Browser;
using RichContact.Web.Tests.Security;

namespace RichContact.Web.Tests.Hooks;

/// <summary>
/// Bodies past an endpoint's limit are refused while they are read: a chunked body has no length to
/// check first, and the Web Hooks endpoint takes anyone's body before it checks the signature.
/// </summary>
public sealed class RequestBodyLimitTests : AppOverHttp
{
    private const int TwoMiB = 2 * 1024 * 1024;

    private const int HookLimit = 256 * 1024;

    private long _bodyBytesRead;

    protected override void Configure(RichContactApp app)
    {
        app.Settings["RichContact:Crisp:Events"] = "hooks";
        // Counts what the app reads of each request body, ahead of the whole pipeline.
        app.TestServices = services => services.AddTransient<IStartupFilter>(_ => new CountingBodies(this));
    }

    [Fact]
    public async Task A_2_MiB_chunked_hook_gets_413_and_is_not_read_into_memory()
    {
        await App.WaitForCrispAsync();

        var response = await PostChunkedAsync(TwoMiB);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        // The app read no further than the limit (plus the server's last read buffer), so it never held the 2 MiB.
        var read = Interlocked.Read(ref _bodyBytesRead);
        Assert.True(read <= HookLimit + 64 * 1024, $"{read:N0} bytes of a 2 MiB body were read");
    }

    [Fact]
    public async Task A_login_form_past_its_limit_gets_413()
    {
        var form = new FormUrlEncodedContent([new("Input.Password", new string('x', 64 * 1024))]);

        var response = await Http.PostAsync("/login", form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    /// <summary>A body of <paramref name="bytes"/> without Content-Length: HTTP/1.1 chunked transfer.</summary>
    private async Task<HttpResponseMessage> PostChunkedAsync(int bytes)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/crisp/hooks") { Content = new StreamContent(new JsonLikeStream(bytes)) };
        request.Headers.TransferEncodingChunked = true;
        return await Http.SendAsync(request);
    }

    /// <summary>Wraps every request body in a stream that adds what it reads to the test's count.</summary>
    private sealed class CountingBodies(RequestBodyLimitTests test) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                context.Request.Body = new CountingStream(context.Request.Body, n => Interlocked.Add(ref test._bodyBytesRead, n));
                return following(context);
            });
            next(app);
        };
    }

    private sealed class CountingStream(Stream inner, Action<int> counted) : Stream
    {
        public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) => Counted(await inner.ReadAsync(buffer, ct));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) => ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

        private int Counted(int n)
        {
            counted(n);
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary><paramref name="length"/> bytes made on the fly: the test itself holds no 2 MiB buffer.</summary>
    private sealed class JsonLikeStream(long length) : Stream
    {
        private long _position;

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            buffer.AsSpan(offset, n).Fill((byte)'x');
            _position += n;
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
