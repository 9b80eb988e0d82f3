"""moto_server with two corrections that make its IAM enforcement answer as AWS does.

Started by scripts/local-aws/moto.mjs (the demo, the unit and the integration tests) with the Python
that runs moto_server; the arguments are moto_server's. Both corrections matter only while IAM
enforcement is on (INITIAL_NO_AUTH_ACTION_COUNT, or POST /moto-api/reset-auth), and neither makes
moto accept anything AWS refuses:

1. Signatures are checked on the query string as the client sent it. moto rebuilds the request
   from werkzeug's URL, which decodes "%2F" to "/", so every correctly signed request whose query
   holds a "/" (ListObjectsV2 with Prefix=currents/) fails with SignatureDoesNotMatch
   (getmoto/moto#5948). AWS accepts those requests.
2. An inactive access key is refused like an unknown one. moto 5 looks a key up by its ID only and
   never reads its status, so a deactivated key keeps working; AWS answers InvalidAccessKeyId
   (S3) or InvalidClientTokenId (IAM, STS) for it, as for a deleted key.

Each correction is checked by test/unit/aws-moto.test.ts (enforcement suite).
"""

import sys
from urllib.parse import urlparse, urlunparse

from moto.core.authorization import ActionAuthenticatorMixin
from moto.core.responses import BaseResponse
from moto.iam import access_control

_setup_class = BaseResponse.setup_class


def setup_class(self, request, full_url, headers, *args, **kwargs):
    _setup_class(self, request, full_url, headers, *args, **kwargs)
    environ = getattr(request, "environ", None)
    self._query_as_sent = environ.get("QUERY_STRING") if isinstance(environ, dict) else None


BaseResponse.setup_class = setup_class

_authenticate = ActionAuthenticatorMixin._authenticate_and_authorize_action


def authenticate(self, iam_request_cls, resource="*"):
    sent = getattr(self, "_query_as_sent", None)
    if not sent:
        return _authenticate(self, iam_request_cls, resource)
    uri = self.uri
    self.uri = urlunparse(urlparse(uri)._replace(query=sent))
    try:
        return _authenticate(self, iam_request_cls, resource)
    finally:
        self.uri = uri


ActionAuthenticatorMixin._authenticate_and_authorize_action = authenticate

_user_key_init = access_control.IAMUserAccessKey.__init__


def user_key_init(self, account_id, partition, access_key_id, headers):
    _user_key_init(self, account_id, partition, access_key_id, headers)
    user = self.backend.get_user(self._owner_user_name)
    key = next((k for k in user.access_keys if k.access_key_id == access_key_id), None)
    if key is None or key.status != "Active":
        raise access_control.CreateAccessKeyFailure(reason="InvalidId")


access_control.IAMUserAccessKey.__init__ = user_key_init

if __name__ == "__main__":
    from moto.server import main

    sys.exit(main(sys.argv[1:]))
