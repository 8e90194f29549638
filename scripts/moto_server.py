#!/usr/bin/env python3
"""moto's server (KMS and DynamoDB emulation), one request at a time.

`moto_server` handles requests on many threads, and moto checks a
DynamoDB condition and applies the update without holding a lock, so two
concurrent conditional writes to one item can both succeed. Real DynamoDB
evaluates a condition and its write atomically per item, which is all the
store relies on. Serving one request at a time restores that guarantee, so
the exactly-once tests test our code and not moto's threading.

Usage: moto_server.py PORT   (binds 127.0.0.1)
"""
import os
import sys

from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
from werkzeug.serving import run_simple


def main():
    port = int(sys.argv[1])
    os.environ.setdefault("MOTO_PORT", str(port))
    app = DomainDispatcherApplication(create_backend_app)
    run_simple("127.0.0.1", port, app, threaded=False)


if __name__ == "__main__":
    main()
