"""The vocabulary of a credit assessment (S2, S3, S7): panel items, vetoes, certificates.

Plain `str` enums, so they travel to and from the graph and the dataset file as their names.
"""

from __future__ import annotations

from enum import Enum


class PanelPositive(str, Enum):
    """S2 positives, +6 each."""

    HONEST_CONDUCT = "HONEST_CONDUCT"  # P1 品行优良,诚实守信
    FILIAL = "FILIAL"  # P2 孝老敬亲
    GOOD_NEIGHBOUR = "GOOD_NEIGHBOUR"  # P3 邻里友好,举止文明
    SMALL_PRODUCTION = "SMALL_PRODUCTION"  # P4 经营小型生产项目
    GOOD_BANK_RECORD = "GOOD_BANK_RECORD"  # P5 银行用信记录良好


class PanelNegative(str, Enum):
    """S2 negatives, −6 each."""

    IDLE = "IDLE"  # N1 好吃懒做,游手好闲
    FIGHTING = "FIGHTING"  # N2 打架斗殴等不文明行为
    DAMAGING_PUBLIC_PROPERTY = "DAMAGING_PUBLIC_PROPERTY"  # N3 损坏公共财物
    NEGLECT_OR_ABUSE = "NEGLECT_OR_ABUSE"  # N4 不养老人,虐待子女
    FAMILY_DISCORD = "FAMILY_DISCORD"  # N5 家庭不和,邻里不睦


class Veto(str, Enum):
    """S3 一票否决: any one means no credit."""

    POLITICALLY_UNRELIABLE = "POLITICALLY_UNRELIABLE"  # V1 政治立场不坚定
    CRIMINAL_RECORD = "CRIMINAL_RECORD"  # V2 有违法犯罪记录
    ILLEGAL_FUNDRAISING = "ILLEGAL_FUNDRAISING"  # V3 参加非法传销、非法集资
    BAD_BANK_RECORD = "BAD_BANK_RECORD"  # V4 银行交易有不良记录
    UNPAID_PRIVATE_DEBT = "UNPAID_PRIVATE_DEBT"  # V5 民间借贷欠债不还


class Certificate(str, Enum):
    """S7 红蓝本: RED (band >= 80), BLUE (below), NONE (vetoed, ineligible or revoked)."""

    RED = "RED"
    BLUE = "BLUE"
    NONE = "NONE"


class IneligibleReason(str, Enum):
    """H2: why a household is not eligible for credit."""

    AGE = "AGE"
