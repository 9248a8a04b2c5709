using System.Net;
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

    protected override void Configure(RichContactApp app)
    {
        app.Settings["RichContact:Crisp:Events"] = "hooks";
    }

    [Fact]
    public async Task A_2_MiB_chunked_hook_gets_413_and_is_not_read_into_memory()
    {
        // The app's start-up work, and a refusal's one-time costs (JIT, the first exceptions), are not the body's.
        await App.WaitForCrispAsync();
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await PostChunkedAsync(300 * 1024)).StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await PostChunkedAsync(TwoMiB)).StatusCode);
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var response = await PostChunkedAsync(TwoMiB);

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        // Reading it whole would allocate the 2 MiB at least (and a MemoryStream's doublings on top);
        // this whole process — app, sandbox and test client — allocated less than half of that.
        Assert.True(allocated < TwoMiB / 2, $"{allocated:N0} bytes allocated while a 2 MiB body was refused");
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
