# The front cache (docs/decisions/014-front-cache.md, 034-stored-pages-with-hashed-policy.md):
# Varnish in front of the app, alone: readers on the socket named "readers", the app's purges on
# the one named "purges". A template: scripts/front-cache/config.ts fills the {{…}} before
# varnishd starts.
# It stores only what the app marked storable (X-Front-Cache-TTL, scripts/lib/front-cache-headers.ts)
# and purges by tag: the app tags each page with the books and settings it shows (`xkey`
# header), and sends `PURGE` with an `xkey-purge` header listing the tags a change made stale.
# xkey: https://github.com/varnish/varnish-modules/blob/master/src/vmod_xkey.vcc
# Built-in VCL and its subroutines: https://varnish-cache.org/docs/7.1/users-guide/vcl-built-in-code.html
vcl 4.1;

import std;
import xkey;

backend app {
    .host = "127.0.0.1";
    .port = "{{APP_PORT}}";
    # A checkout waits on Stripe for up to 20 s; the app's own limit is 60 s (scripts/serve.ts).
    .first_byte_timeout = 65s;
    .between_bytes_timeout = 65s;
}

# Only the app, on this machine, on the purge socket, purges: a proxy in front (TLS) reaches
# the readers' socket only, where PURGE is refused whatever address it comes from.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (local.socket != "purges" || client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "xkey-purge header missing"));
        }
        # Hard purge: a purged page is never served again, not even in grace.
        set req.http.n-gone = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.n-gone));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # A reader with a cart or a staff session gets the app's own answer, always.
    if (req.http.Cookie ~ "{{PRIVATE_COOKIE_PATTERN}}") {
        return (pass);
    }
    if (req.http.Authorization) {
        return (pass);
    }
    # Other cookies change nothing the app renders for a public page.
    unset req.http.Cookie;
    # Two copies of a page: gzip for the clients that take it (every browser), plain for the
    # others, each sent as stored, never compressed nor inflated per request.
    if (req.http.Accept-Encoding ~ "gzip") {
        set req.http.X-Front-Cache-Gzip = "1";
    } else {
        unset req.http.X-Front-Cache-Gzip;
    }
    return (hash);
}

sub vcl_hash {
    hash_data(req.http.X-Front-Cache-Gzip);
}

sub vcl_backend_fetch {
    # A page that may be stored is fetched plain: the app hashes its inline scripts
    # (scripts/lib/front-cache-headers.ts), then Varnish compresses the gzip copy once (do_gzip
    # below).
    # https://varnish-cache.org/docs/7.1/users-guide/compression.html
    if (!bereq.uncacheable) {
        unset bereq.http.Accept-Encoding;
    }
}

sub vcl_backend_response {
    if (beresp.http.x-front-cache-ttl && beresp.status == 200 && !beresp.http.Set-Cookie) {
        set beresp.ttl = std.duration(beresp.http.x-front-cache-ttl + "s", 0s);
        # Never served stale: no grace, no keep.
        set beresp.grace = 0s;
        set beresp.keep = 0s;
        if (bereq.http.X-Front-Cache-Gzip) {
            set beresp.do_gzip = true;
        }
        return (deliver);
    }
    # Next's build files carry their content's hash in their name and `immutable`.
    if (bereq.url ~ "^/_next/static/" && beresp.status == 200) {
        set beresp.grace = 0s;
        return (deliver);
    }
    # Anything else: not stored, and not waited on either (hit-for-miss: the next request for
    # the URL goes to the app at once, and may be stored if its answer is).
    set beresp.uncacheable = true;
    set beresp.ttl = 10s;
    set beresp.grace = 0s;
    return (deliver);
}

sub vcl_deliver {
    unset resp.http.xkey;
    unset resp.http.x-front-cache-ttl;
    unset resp.http.Via;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
