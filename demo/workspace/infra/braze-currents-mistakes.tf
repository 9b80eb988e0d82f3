# A Currents setup with typical mistakes: squiggles, hover on ${var.bucket_name}, quick fixes.
variable "bucket_name" {
  type    = string
  default = "acme-braze-currents"
}

variable "partner_account_id" {
  type = string
}

data "aws_iam_policy_document" "braze_currents" {
  statement {
    sid       = "BucketLevel"
    actions   = ["s3:ListBucket", "s3:GetBucketLocation"]
    resources = ["arn:aws:s3:::${var.bucket_name}"]
  }

  statement {
    sid = "ObjectLevel"
    actions = [
      "s3:PutObject",
      "s3:GetObjekt",
    ]
    resources = ["arn:aws:s3:::${var.bucket_name}"]
  }
}

resource "aws_iam_policy" "braze_currents" {
  name   = "braze-currents-export"
  policy = data.aws_iam_policy_document.braze_currents.json
}

data "aws_iam_policy_document" "braze_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${var.partner_account_id}:root"]
    }
  }
}

resource "aws_iam_role" "braze_currents" {
  name               = "braze-currents-export"
  assume_role_policy = data.aws_iam_policy_document.braze_trust.json
}

resource "aws_iam_role_policy" "braze_dashboard" {
  name = "braze-dashboard-export"
  role = aws_iam_role.braze_currents.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["s3:ListBucket", "s3:GetBucketLocation"]
        Resource = "arn:aws:s3:::INSERTBUCKETNAME"
      },
      {
        Effect   = "Allow"
        Action   = ["s3:PutObject", "s3:GetObject", "s3:DeleteObject"]
        Resource = "arn:aws:s3:::INSERTBUCKETNAME/*"
      }
    ]
  })
}
