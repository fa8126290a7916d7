"""上蔡县 Shangcai County (411722): its 26 township-level units (4 subdistricts, 13 towns, 9 townships)."""

from __future__ import annotations

COUNTY_CODE = "411722"
COUNTY_NAME = "上蔡县"

# (name, kind); codes are 411722 + three digits in this order.
UNITS: tuple[tuple[str, str], ...] = (
    ("蔡都街道", "SUBDISTRICT"), ("芦岗街道", "SUBDISTRICT"), ("重阳街道", "SUBDISTRICT"), ("卧龙街道", "SUBDISTRICT"),
    ("黄埠镇", "TOWN"), ("杨集镇", "TOWN"), ("洙湖镇", "TOWN"), ("党店镇", "TOWN"), ("朱里镇", "TOWN"),
    ("华陂镇", "TOWN"), ("塔桥镇", "TOWN"), ("东洪镇", "TOWN"), ("邵店镇", "TOWN"), ("五龙镇", "TOWN"),
    ("和店镇", "TOWN"), ("韩寨镇", "TOWN"), ("蔡沟镇", "TOWN"),
    ("大路李乡", "TOWNSHIP"), ("无量寺乡", "TOWNSHIP"), ("杨屯乡", "TOWNSHIP"), ("齐海乡", "TOWNSHIP"),
    ("崇礼乡", "TOWNSHIP"), ("东岸乡", "TOWNSHIP"), ("小岳寺乡", "TOWNSHIP"), ("西洪乡", "TOWNSHIP"),
    ("百尺乡", "TOWNSHIP"),
)

BANKS: tuple[tuple[str, str], ...] = (
    ("RCB", "上蔡农商银行"),
    ("PSBC", "中国邮政储蓄银行上蔡县支行"),
    ("ABC", "中国农业银行上蔡县支行"),
    ("ZYB", "中原银行上蔡支行"),
)

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN = "建国军华明伟芳秀英丽强磊洋勇艳杰娟涛超霞平刚桂兰玉梅红海波鹏飞"
VILLAGE_WORDS = "东西南北前后大小新老张王李刘陈杨赵黄周吴郭马高朱孙胡何罗宋谢韩唐冯董程曹许"
VILLAGE_SUFFIX = ("庄", "营", "寨", "楼", "湾", "岗", "桥", "店", "集", "坡")
